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
import type { LaunchAbout } from './launchAbout';
import type { Launcher } from './launcher';
import { cpanelLocale } from './locale';
import type { HostAccess } from './ports';
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
}

export interface WebmailRequest {
  accountId: string;
  email?: string;
  /** The mailbox password, for accounts that ask for it; used once and never stored. */
  password?: string;
  /** Sign in in this tab (a launch page's Try again) instead of a new one. */
  inTab?: number;
}

export interface SessionRequest {
  accountId: string;
  service: WhmService;
  /** The cPanel user or email address to sign in as; the WHM user itself for `whostmgrd`. */
  user?: string;
  app?: string;
  /** Sign in in this tab (a launch page's Try again) instead of a new one. */
  inTab?: number;
}

/** Every way of opening a signed-in tab: an account's Webmail, a mailbox, an address, a WHM service. */
export class Openers {
  constructor(private readonly deps: OpenersDeps) {}

  async openWebmail(request: WebmailRequest): Promise<{ tabId: number }> {
    const address = request.email === undefined ? undefined : parseAddress(request.email);
    const account = await this.deps.accounts.get(request.accountId);
    if (account.kind === 'whm') {
      if (!address) throw new LauncherError('bad_input', msg('error_whm_needs_mailbox'));
      const user = `${address.login}@${address.domain}`;
      return this.openSession({
        accountId: request.accountId,
        service: 'webmaild',
        user,
        inTab: request.inTab,
      });
    }
    return naming(account, this.openCpanelWebmail(account, address, request));
  }

  private async openCpanelWebmail(
    account: AccountSummary,
    address: ReturnType<typeof parseAddress> | undefined,
    { accountId, password, inTab }: WebmailRequest,
  ): Promise<{ tabId: number }> {
    await this.checkHostAccess(account);
    if (address && account.askPassword && !password) {
      throw new LauncherError(
        'bad_input',
        msg('error_password_needed', `${address.login}@${address.domain}`),
      );
    }
    const credentials = await this.deps.accounts.credentials(accountId);
    const options = { ...this.deps.transport, locale: this.localeFor(account) };
    const key = `webmail\n${accountId}\n${address ? `${address.login}@${address.domain}` : ''}`;
    const withPassword = address !== undefined && account.askPassword === true && password !== undefined;
    const email = address ? `${address.login}@${address.domain}` : undefined;
    const about: LaunchAbout = {
      label: account.label,
      host: account.host,
      service: 'webmaild',
      user: email ?? account.username,
      // A typed password is never kept, so that sign-in cannot be run again from the launch page.
      ...(withPassword ? {} : { retry: { type: 'webmail.open' as const, accountId, email } }),
    };
    const opened = await this.deps.launcher.launch(
      key,
      () => {
        if (!address) return createWebmailSessionForSelf(credentials, options);
        if (withPassword) return createWebmailSessionWithPassword(credentials, address, password, options);
        return createWebmailSessionForMailUser(credentials, address, options);
      },
      { openAfterLogin: withPassword, about, inTab },
    );
    if (address) await this.deps.recents.touch({ accountId, email: `${address.login}@${address.domain}` });
    return opened;
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

  async openSession(request: SessionRequest): Promise<{ tabId: number }> {
    const account = await this.deps.accounts.get(request.accountId);
    return naming(account, this.openWhmSession(account, request));
  }

  private async openWhmSession(
    account: AccountSummary,
    { accountId, service, user, app, inTab }: SessionRequest,
  ): Promise<{ tabId: number }> {
    await this.checkHostAccess(account);
    if (account.kind !== 'whm') {
      throw new LauncherError('bad_input', msg('error_needs_whm'));
    }
    const target = service === 'whostmgrd' ? account.username : user?.trim().toLowerCase();
    if (!target) throw new LauncherError('bad_input', msg('error_whm_target_missing'));
    const credentials = await this.deps.accounts.credentials(accountId);
    const params = { user: target, service, app, locale: this.localeFor(account) };
    const key = `${service}\n${accountId}\n${target}\n${app ?? ''}`;
    let created: LoginRequest | undefined;
    const login = async (): Promise<LoginRequest> => {
      created = await createUserSession(credentials, params, this.deps.transport);
      return created;
    };
    const about: LaunchAbout = {
      label: account.label,
      host: account.host,
      service,
      user: target,
      retry: { type: 'session.open', accountId, service, user, app },
    };
    const opened = await this.deps.launcher.launch(key, login, { about, inTab });
    // A repeat answered with the tab already open created nothing new to note.
    if (service === 'cpaneld' && created) {
      await this.deps.cpanelSessions?.remember(opened.tabId, accountId, target, created);
    }
    if (service === 'webmaild') await this.deps.recents.touch({ accountId, email: target });
    return opened;
  }

  private async checkHostAccess(account: AccountSummary): Promise<void> {
    if (!(await this.deps.hostAccess.has(account.host))) {
      throw new LauncherError('permission_denied', msg('error_no_host_access', account.host));
    }
  }

  private localeFor(account: AccountSummary): string | undefined {
    return account.locale ?? cpanelLocale(this.deps.language?.());
  }
}

/** Failures of a sign-in name its account, so a notification can say which one failed. */
async function naming<T>(account: AccountSummary, run: Promise<T>): Promise<T> {
  try {
    return await run;
  } catch (error) {
    if (error instanceof LauncherError && !error.account) {
      error.account = { label: account.label, host: account.host };
    }
    throw error;
  }
}
