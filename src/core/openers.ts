import { parseAddress } from '../cpanel/address';
import { LauncherError, msg } from '../cpanel/errors';
import type { LoginRequest } from '../cpanel/login';
import {
  createWebmailSessionForMailUser,
  createWebmailSessionForSelf,
  createWebmailSessionWithPassword,
} from '../cpanel/session';
import type { TransportOptions } from '../cpanel/transport';
import { createUserSession, type WhmService } from '../cpanel/whmSession';
import type { AccountRepository, AccountSummary } from './accounts';
import type { CpanelSessions } from './cpanelSessions';
import type { Directory } from './directory';
import type { Launcher } from './launcher';
import { cpanelLocale } from './locale';
import type { HostAccess } from './ports';
import type { PreparedSessions } from './prepared';
import type { Recents } from './recents';

export interface OpenersDeps {
  accounts: AccountRepository;
  launcher: Launcher;
  hostAccess: HostAccess;
  directory: Directory;
  recents: Recents;
  /** Where the cPanel sessions this opens are noted, for Session::create_temp_user. */
  cpanelSessions?: Pick<CpanelSessions, 'remember'>;
  transport?: TransportOptions;
  /** The browser's UI language, e.g. `pt-BR`. */
  language?: () => string | undefined;
  /** Sessions made ahead of a click (`webmail.prepare`); an open takes the one for its target. */
  prepared?: PreparedSessions;
}

export interface WebmailRequest {
  accountId: string;
  email?: string;
  /** The mailbox password, for accounts that ask for it; used once and never stored. */
  password?: string;
}

export interface SessionRequest {
  accountId: string;
  service: WhmService;
  /** The cPanel user or email address to sign in as; the WHM user itself for `whostmgrd`. */
  user?: string;
  app?: string;
}

/** Every way of opening a signed-in tab: an account's Webmail, a mailbox, an address, a WHM service. */
export class Openers {
  constructor(private readonly deps: OpenersDeps) {}

  async openWebmail({ accountId, email, password }: WebmailRequest): Promise<{ tabId: number }> {
    const address = email === undefined ? undefined : parseAddress(email);
    const account = await this.usableAccount(accountId);
    if (account.kind === 'whm') {
      if (!address) throw new LauncherError('bad_input', msg('error_whm_needs_mailbox'));
      return this.openSession({ accountId, service: 'webmaild', user: `${address.login}@${address.domain}` });
    }
    if (address && account.askPassword && !password) {
      throw new LauncherError(
        'bad_input',
        msg('error_password_needed', `${address.login}@${address.domain}`),
      );
    }
    const credentials = await this.deps.accounts.credentials(accountId);
    const options = { ...this.deps.transport, locale: this.localeFor(account) };
    const key = webmailKey(accountId, address);
    const withPassword = address !== undefined && account.askPassword === true && password !== undefined;
    const opened = await this.deps.launcher.launch(
      key,
      () => {
        if (withPassword) return createWebmailSessionWithPassword(credentials, address, password, options);
        const create = () =>
          address
            ? createWebmailSessionForMailUser(credentials, address, options)
            : createWebmailSessionForSelf(credentials, options);
        return this.preparedOr(key, create);
      },
      { openAfterLogin: withPassword },
    );
    if (address) await this.deps.recents.touch({ accountId, email: `${address.login}@${address.domain}` });
    return opened;
  }

  /**
   * Makes the session `openWebmail` would make for this target now, to be used by the next open of it.
   * Nothing for accounts that ask for the mailbox password: that session needs the password first.
   */
  async prepareWebmail({ accountId, email }: Omit<WebmailRequest, 'password'>): Promise<void> {
    const { prepared } = this.deps;
    if (!prepared) return;
    const address = email === undefined ? undefined : parseAddress(email);
    const account = await this.usableAccount(accountId);
    if (account.kind === 'whm') {
      if (!address) return;
      return this.prepareSession({
        accountId,
        service: 'webmaild',
        user: `${address.login}@${address.domain}`,
      });
    }
    if (account.askPassword) return;
    const options = { ...this.deps.transport, locale: this.localeFor(account) };
    // The token is read inside: a second prepare of the same target costs nothing, not even its decryption.
    await prepared.prepare(webmailKey(accountId, address), accountId, async () => {
      const credentials = await this.deps.accounts.credentials(accountId);
      return address
        ? createWebmailSessionForMailUser(credentials, address, options)
        : createWebmailSessionForSelf(credentials, options);
    });
  }

  /** The same for a WHM session (`create_user_session`): one per service, user and app. */
  async prepareSession({ accountId, service, user, app }: SessionRequest): Promise<void> {
    const { prepared } = this.deps;
    if (!prepared) return;
    const account = await this.usableAccount(accountId);
    if (account.kind !== 'whm') return;
    const target = service === 'whostmgrd' ? account.username : user?.trim().toLowerCase();
    if (!target) return;
    const params = { user: target, service, app, locale: this.localeFor(account) };
    await prepared.prepare(sessionKey(service, accountId, target, app), accountId, async () =>
      createUserSession(await this.deps.accounts.credentials(accountId), params, this.deps.transport),
    );
  }

  /** The context-menu, shortcut and omnibox path: find the owning account, then open the mailbox. */
  async openForAddress(email: string): Promise<{ tabId: number }> {
    const found = await this.deps.directory.resolve(email);
    if (found.kind === 'whm') {
      return this.openSession({ accountId: found.account.id, service: 'webmaild', user: found.email });
    }
    if (found.account.askPassword) {
      throw new LauncherError('bad_input', msg('error_asks_password', found.account.label, found.email));
    }
    return this.openWebmail({ accountId: found.account.id, email: found.email });
  }

  async openSession({ accountId, service, user, app }: SessionRequest): Promise<{ tabId: number }> {
    const account = await this.usableAccount(accountId);
    if (account.kind !== 'whm') {
      throw new LauncherError('bad_input', msg('error_needs_whm'));
    }
    const target = service === 'whostmgrd' ? account.username : user?.trim().toLowerCase();
    if (!target) throw new LauncherError('bad_input', msg('error_whm_target_missing'));
    const credentials = await this.deps.accounts.credentials(accountId);
    const params = { user: target, service, app, locale: this.localeFor(account) };
    const key = sessionKey(service, accountId, target, app);
    let created: LoginRequest | undefined;
    const login = async (): Promise<LoginRequest> => {
      created = await this.preparedOr(key, () => createUserSession(credentials, params, this.deps.transport));
      return created;
    };
    const opened = await this.deps.launcher.launch(key, login);
    // A repeat answered with the tab already open created nothing new to note.
    if (service === 'cpaneld' && created) {
      await this.deps.cpanelSessions?.remember(opened.tabId, accountId, target, created);
    }
    if (service === 'webmaild') await this.deps.recents.touch({ accountId, email: target });
    return opened;
  }

  /** The prepared session for `key` if there is one (used up by this), else a new one from `create`. */
  private preparedOr(key: string, create: () => Promise<LoginRequest>): Promise<LoginRequest> {
    const ready = this.deps.prepared?.take(key);
    // A prepare that failed is no answer for the click: it asks the server itself.
    return ready ? ready.catch(create) : create();
  }

  private async usableAccount(accountId: string): Promise<AccountSummary> {
    const account = await this.deps.accounts.get(accountId);
    if (!(await this.deps.hostAccess.has(account.host))) {
      throw new LauncherError('permission_denied', msg('error_no_host_access', account.host));
    }
    return account;
  }

  private localeFor(account: AccountSummary): string | undefined {
    return account.locale ?? cpanelLocale(this.deps.language?.());
  }
}

const webmailKey = (accountId: string, address: { login: string; domain: string } | undefined) =>
  `webmail\n${accountId}\n${address ? `${address.login}@${address.domain}` : ''}`;

const sessionKey = (service: WhmService, accountId: string, target: string, app: string | undefined) =>
  `${service}\n${accountId}\n${target}\n${app ?? ''}`;
