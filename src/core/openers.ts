import { parseAddress } from '../cpanel/address';
import { LauncherError, msg } from '../cpanel/errors';
import type { LoginRequest } from '../cpanel/login';
import { composePath, parseMailto, ROUNDCUBE_INBOX_PATH } from '../cpanel/mailto';
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
import type { PreparedSessions } from './prepared';
import type { Recents } from './recents';
import type { SendFrom, SettingsStore } from './settings';

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
  /** "Send from" and where each account's Webmail opens. */
  settings?: Pick<SettingsStore, 'get'>;
  /** The line that ends a mail body cut to fit a link, in the user's language. */
  composeNote?: () => string;
  /** Sessions made ahead of a click (`webmail.prepare`); an open takes the one for its target. */
  prepared?: PreparedSessions;
}

export interface WebmailRequest {
  accountId: string;
  email?: string;
  /** The mailbox password, for accounts that ask for it; used once and never stored. */
  password?: string;
  /** Sign in in this tab (a launch page's Try again) instead of a new one. */
  inTab?: number;
}

export interface ComposeRequest {
  /** An address, a list of them, or a whole mailto: URI. */
  to: string;
  accountId?: string;
  email?: string;
  /** The tab of the page that asked, to sign in there instead of in a new tab. */
  inTab?: number;
}

/**
 * Where a sign-in lands below the session token (read from settings while the account is looked up, so it
 * costs no time of its own), and the tab to do it in.
 */
interface Landing {
  gotoUri?: string | Promise<string | undefined>;
  inTab?: number;
}

/** The login form with cPanel's `goto_uri` (a path below the session token) added. */
function landAt(login: LoginRequest, gotoUri: string | undefined): LoginRequest {
  if (gotoUri === undefined) return login;
  if (!/^\/(?![/\\])/.test(gotoUri)) throw new Error('goto_uri must be a path below the session token');
  return { ...login, fields: { ...login.fields, goto_uri: gotoUri } };
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

  openWebmail(request: WebmailRequest): Promise<{ tabId: number }> {
    return this.signIn(request, { gotoUri: this.webmailHome(request.accountId), inTab: request.inTab });
  }

  /** Roundcube's inbox for accounts whose Webmail opens there ("Open Webmail at"), else cPanel's home. */
  private async webmailHome(accountId: string): Promise<string | undefined> {
    const webmailAt = (await this.deps.settings?.get())?.webmailAt?.[accountId];
    return webmailAt === 'roundcube' ? ROUNDCUBE_INBOX_PATH : undefined;
  }

  /**
   * Roundcube's compose screen, signed in, with the fields of `to` filled: as the chosen mailbox, else the
   * one an address names, else the "Send from" setting, else the default account's own Webmail.
   */
  async compose({ to, accountId, email, inTab }: ComposeRequest): Promise<{ tabId: number }> {
    const built = composePath(parseMailto(to), this.deps.composeNote?.() ?? '[…]');
    if (!built) throw new LauncherError('bad_input', msg('error_compose_too_long'));
    const from = await this.sender(accountId, email);
    return this.signIn(from, { gotoUri: built.path, inTab });
  }

  /** Who writes when the request names no one. */
  async sender(accountId?: string, email?: string): Promise<SendFrom> {
    if (accountId) return { accountId, email };
    if (email) {
      const found = await this.deps.directory.resolve(email);
      return { accountId: found.account.id, email: found.email };
    }
    const [setting, accounts] = await Promise.all([
      this.deps.settings?.get().then((settings) => settings.sendFrom),
      this.deps.accounts.list(),
    ]);
    if (typeof setting === 'object' && accounts.some((account) => account.id === setting.accountId)) {
      return setting;
    }
    const own =
      accounts.find((account) => account.isDefault && account.kind === 'cpanel') ??
      accounts.find((account) => account.kind === 'cpanel');
    if (!own) throw new LauncherError('not_found', msg('error_compose_no_sender'));
    return { accountId: own.id };
  }

  private async signIn(
    { accountId, email, password }: WebmailRequest,
    { gotoUri: landingPath, inTab }: Landing,
  ): Promise<{ tabId: number }> {
    const address = email === undefined ? undefined : parseAddress(email);
    const [account, gotoUri] = await Promise.all([this.deps.accounts.get(accountId), landingPath]);
    if (account.kind === 'whm') {
      if (!address) throw new LauncherError('bad_input', msg('error_whm_needs_mailbox'));
      const user = `${address.login}@${address.domain}`;
      return this.openSession({ accountId, service: 'webmaild', user }, { gotoUri, inTab });
    }
    return naming(
      account,
      this.signInToCpanel(account, { accountId, password }, address, { gotoUri, inTab }),
    );
  }

  private async signInToCpanel(
    account: AccountSummary,
    { accountId, password }: WebmailRequest,
    address: ReturnType<typeof parseAddress> | undefined,
    { gotoUri, inTab }: { gotoUri: string | undefined; inTab: number | undefined },
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
    const key = `webmail\n${accountId}\n${address ? `${address.login}@${address.domain}` : ''}\n${gotoUri ?? ''}`;
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
      async () => {
        if (withPassword && address && password !== undefined) {
          return landAt(
            await createWebmailSessionWithPassword(credentials, address, password, options),
            gotoUri,
          );
        }
        const create = () =>
          address
            ? createWebmailSessionForMailUser(credentials, address, options)
            : createWebmailSessionForSelf(credentials, options);
        return landAt(await this.preparedOr(webmailKey(accountId, address), create), gotoUri);
      },
      { openAfterLogin: withPassword, about, inTab },
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
    const account = await this.deps.accounts.get(accountId);
    await this.checkHostAccess(account);
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
    const account = await this.deps.accounts.get(accountId);
    await this.checkHostAccess(account);
    if (account.kind !== 'whm') return;
    const target = service === 'whostmgrd' ? account.username : user?.trim().toLowerCase();
    if (!target) return;
    const params = { user: target, service, app, locale: this.localeFor(account) };
    await prepared.prepare(sessionKey(service, accountId, target, app), accountId, async () =>
      createUserSession(await this.deps.accounts.credentials(accountId), params, this.deps.transport),
    );
  }

  /**
   * The login request of the session prepared for this target, used up by this, for a page that posts it
   * itself (the popup: no launch tab to open first). Undefined when nothing usable was prepared (none, a
   * failed prepare, no host access): the caller then opens the usual way, which reports any problem.
   */
  async takePreparedWebmail({
    accountId,
    email,
  }: Pick<WebmailRequest, 'accountId' | 'email'>): Promise<LoginRequest | undefined> {
    const { prepared } = this.deps;
    if (!prepared) return undefined;
    const address = email === undefined ? undefined : parseAddress(email);
    const mailbox = address ? `${address.login}@${address.domain}` : undefined;
    const account = await this.deps.accounts.get(accountId);
    if (account.kind === 'cpanel' && mailbox && account.askPassword) return undefined;
    const key =
      account.kind === 'whm'
        ? mailbox && sessionKey('webmaild', accountId, mailbox, undefined)
        : webmailKey(accountId, address);
    // Nothing else is read before the take: with nothing prepared, the click goes the usual way at once.
    const login = await (key ? prepared.take(key) : undefined)?.catch(() => undefined);
    if (!login) return undefined;
    const [granted, gotoUri] = await Promise.all([
      this.deps.hostAccess.has(account.host),
      this.webmailHome(accountId),
    ]);
    if (!granted) return undefined;
    if (mailbox) await this.deps.recents.touch({ accountId, email: mailbox });
    return landAt(login, gotoUri);
  }

  /** The prepared session for `key` if there is one (used up by this), else a new one from `create`. */
  private preparedOr(key: string, create: () => Promise<LoginRequest>): Promise<LoginRequest> {
    const ready = this.deps.prepared?.take(key);
    // A prepare that failed is no answer for the click: it asks the server itself.
    return ready ? ready.catch(create) : create();
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
    // The lookup just listed the mailboxes: a suspended login would be handed a session that the 2096 login
    // refuses (Cpanel/API/Session.pm checks suspension only with the password), so say so instead.
    const listed = await this.deps.directory.mailboxes(found.account.id);
    if (listed.some((mailbox) => mailbox.email.toLowerCase() === found.email && mailbox.suspended)) {
      throw new LauncherError('bad_input', msg('error_mailbox_suspended', found.email));
    }
    return this.openWebmail({ accountId: found.account.id, email: found.email });
  }

  async openSession(request: SessionRequest, landing: Landing = {}): Promise<{ tabId: number }> {
    const { accountId, service } = request;
    // A WHM account's mailbox opens where its Webmail is set to open, unless the caller chose a page.
    const landingPath =
      service === 'webmaild' && landing.gotoUri === undefined ? this.webmailHome(accountId) : landing.gotoUri;
    const [account, gotoUri] = await Promise.all([this.deps.accounts.get(accountId), landingPath]);
    return naming(account, this.openWhmSession(account, request, gotoUri, landing.inTab ?? request.inTab));
  }

  private async openWhmSession(
    account: AccountSummary,
    { accountId, service, user, app }: SessionRequest,
    gotoUri: string | undefined,
    inTab: number | undefined,
  ): Promise<{ tabId: number }> {
    await this.checkHostAccess(account);
    if (account.kind !== 'whm') {
      throw new LauncherError('bad_input', msg('error_needs_whm'));
    }
    const target = service === 'whostmgrd' ? account.username : user?.trim().toLowerCase();
    if (!target) throw new LauncherError('bad_input', msg('error_whm_target_missing'));
    const credentials = await this.deps.accounts.credentials(accountId);
    const params = { user: target, service, app, locale: this.localeFor(account) };
    const key = `${service}\n${accountId}\n${target}\n${app ?? ''}\n${gotoUri ?? ''}`;
    let created: LoginRequest | undefined;
    const login = async (): Promise<LoginRequest> => {
      created = await this.preparedOr(sessionKey(service, accountId, target, app), () =>
        createUserSession(credentials, params, this.deps.transport),
      );
      return landAt(created, gotoUri);
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
    return cpanelLocale(this.deps.language?.(), account.locale);
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

/** A prepared session's target; where the sign-in lands plays no part (goto_uri travels in the form). */
const webmailKey = (accountId: string, address: { login: string; domain: string } | undefined) =>
  `webmail\n${accountId}\n${address ? `${address.login}@${address.domain}` : ''}`;

const sessionKey = (service: WhmService, accountId: string, target: string, app: string | undefined) =>
  `${service}\n${accountId}\n${target}\n${app ?? ''}`;
