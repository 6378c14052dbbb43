import * as v from 'valibot';
import { accountInputSchema } from '../../core/accountInput';
import { inputIssueKey } from '../../core/accountInputIssue';
import { compactMailboxes, listVersion } from '../../core/compactMailboxes';
import { firstRows } from '../../core/firstRows';
import { exportAccounts, importAccounts } from '../../core/transfer';
import type { Credentials } from '../../cpanel/credentials';
import { LauncherError, msg } from '../../cpanel/errors';
import { type Verified, verifyCredentials } from '../../cpanel/verify';
import { t } from '../../i18n/t';
import type { HandlerTable } from '../messages';
import type { Services } from './services';

type AccountTypes =
  | 'account.save'
  | 'account.list'
  | 'account.remove'
  | 'account.update'
  | 'account.reorder'
  | 'account.setDefault'
  | 'accounts.export'
  | 'accounts.import'
  | 'mailboxes.list'
  | 'mailboxes.compact'
  | 'mailboxes.head';

export function accountHandlers(services: Services): Pick<HandlerTable, AccountTypes> {
  const { accounts, directory, recents, hostAccess } = services;

  /** Checks the token with one harmless call, after making sure the server may be contacted at all. */
  async function verify(credentials: Credentials): Promise<Verified> {
    if (!(await hostAccess.has(credentials.host))) {
      throw new LauncherError('permission_denied', msg('error_allow_access', credentials.host));
    }
    return verifyCredentials(credentials, services.transport);
  }

  /** The first thing wrong with an entered account, in the user's language where the check is known. */
  function invalidInput(issue: v.BaseIssue<unknown>): LauncherError {
    const key = inputIssueKey(issue);
    return new LauncherError('bad_input', key ? msg(key) : issue.message);
  }

  return {
    async 'account.save'({ account }) {
      const parsed = v.safeParse(accountInputSchema, account);
      if (!parsed.success) throw invalidInput(parsed.issues[0]);
      const verified = await verify(parsed.output);
      return { id: await accounts.add(parsed.output), verified };
    },
    async 'account.list'() {
      return { accounts: await accounts.list() };
    },
    async 'account.remove'({ id }) {
      services.prepared?.forgetAccount(id);
      await accounts.remove(id);
      await Promise.all([directory.forget(id), recents.forgetAccount(id)]);
      return {};
    },
    async 'account.update'({ id, changes }) {
      services.prepared?.forgetAccount(id);
      const current = await accounts.get(id);
      const token = changes.token?.trim() || undefined;
      if (current.managed) {
        if (!token) throw new LauncherError('bad_input', msg('error_paste_token'));
        const { kind, host, port, username } = current;
        const verified = await verify({ kind, host, port, username, token });
        await accounts.edit(id, { token });
        return { verified };
      }
      const parsed = v.safeParse(accountInputSchema, {
        label: current.label,
        kind: current.kind,
        host: current.host,
        port: current.port,
        username: current.username,
        askPassword: current.askPassword,
        locale: current.locale ?? '',
        ...changes,
        // The stored token stands in for validation when the user did not type a new one.
        token: token ?? (await accounts.credentials(id)).token,
      });
      if (!parsed.success) throw invalidInput(parsed.issues[0]);
      const input = parsed.output;
      // A token goes only to the origin it was saved for: another server or port needs it typed again.
      if (token === undefined && (input.host !== current.host || input.port !== current.port)) {
        throw new LauncherError('bad_input', msg('error_security_token_again'));
      }
      const connectionChanged =
        token !== undefined ||
        input.host !== current.host ||
        input.port !== current.port ||
        input.username !== current.username;
      const verified = connectionChanged ? await verify(input) : undefined;
      await accounts.edit(id, {
        label: input.label,
        host: input.host,
        port: input.port,
        username: input.username,
        askPassword: input.askPassword,
        locale: input.locale,
        token,
      });
      if (connectionChanged) await directory.forget(id);
      return verified === undefined ? {} : { verified };
    },
    async 'account.reorder'({ ids }) {
      await accounts.reorder(ids);
      return {};
    },
    async 'account.setDefault'({ id }) {
      await accounts.setDefault(id);
      return {};
    },
    async 'accounts.export'({ passphrase, vaultPassphrase }) {
      await services.vault.confirm(vaultPassphrase);
      return { file: await exportAccounts(accounts, passphrase) };
    },
    async 'accounts.import'({ file, passphrase }) {
      const { imported, rejected } = await importAccounts(accounts, file, passphrase);
      // Reasons are rendered here, at the edge, in the browser's language.
      return {
        imported,
        rejected: rejected.map(({ index, reason }) => ({
          index,
          reason: typeof reason === 'string' ? reason : t(reason.key, ...reason.args),
        })),
      };
    },
    async 'mailboxes.list'({ accountId, refresh }) {
      return { mailboxes: await directory.mailboxes(accountId, refresh === true) };
    },
    async 'mailboxes.compact'({ accountId, refresh, have }) {
      const list = compactMailboxes(await directory.mailboxes(accountId, refresh === true));
      const version = listVersion(list);
      // The page already holds this very list: 200 KB less to carry across the message channel.
      return version === have ? { version } : { version, list };
    },
    async 'mailboxes.head'({ limit }) {
      return firstRows(directory, recents, limit);
    },
  };
}
