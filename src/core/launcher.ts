import { parseAddress } from '../cpanel/address';
import { LauncherError } from '../cpanel/errors';
import type { LoginRequest } from '../cpanel/login';
import { createWebmailSessionForMailUser, createWebmailSessionForSelf } from '../cpanel/session';
import type { TransportOptions } from '../cpanel/transport';
import type { AccountRepository } from './accounts';
import type { HostAccess, TabOpener } from './ports';

export interface LauncherDeps {
  accounts: AccountRepository;
  tabs: TabOpener;
  hostAccess: HostAccess;
  /** The launch page's URL for one launch id. */
  launchPageUrl(launchId: string): string;
  transport?: TransportOptions;
  /** The browser's language, sent as the session's locale. */
  locale?: () => string | undefined;
}

/** What a trigger asks for: the account's own Webmail, or one of its mailboxes. */
export interface WebmailTarget {
  accountId: string;
  email?: string;
}

/** An unclaimed login is dropped after this long, so a session never sits in memory for nothing. */
const UNCLAIMED_TTL_MS = 60_000;

/**
 * Opens signed-in tabs. The launch tab opens at once, in parallel with the API call, and claims its login
 * request by message exactly once; the session string never travels in a URL.
 */
export class Launcher {
  readonly #pending = new Map<string, Promise<LoginRequest>>();
  readonly #inFlight = new Map<string, Promise<{ tabId: number }>>();

  constructor(private readonly deps: LauncherDeps) {}

  openWebmail(target: WebmailTarget): Promise<{ tabId: number }> {
    // Two clicks on the same target while the first is under way open one tab, with one API call.
    const key = `${target.accountId}\n${target.email?.toLowerCase() ?? ''}`;
    const running = this.#inFlight.get(key);
    if (running) return running;
    const launch = this.launchWebmail(target).finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, launch);
    return launch;
  }

  /** Hands the launch page its login request; a second claim for the same id finds nothing. */
  claim(launchId: string): Promise<LoginRequest> {
    const pending = this.#pending.get(launchId);
    if (!pending) {
      return Promise.reject(
        new LauncherError(
          'not_found',
          'This sign-in was already used or has expired. Start it again from the popup.',
        ),
      );
    }
    this.#pending.delete(launchId);
    return pending;
  }

  private async launchWebmail(target: WebmailTarget): Promise<{ tabId: number }> {
    const address = target.email === undefined ? undefined : parseAddress(target.email);
    const account = await this.deps.accounts.get(target.accountId);
    if (!(await this.deps.hostAccess.has(account.host))) {
      throw new LauncherError(
        'permission_denied',
        `The extension has no access to ${account.host} yet. Grant it on the options page.`,
      );
    }
    const credentials = await this.deps.accounts.credentials(target.accountId);
    const options = { ...this.deps.transport, locale: this.deps.locale?.() };
    return this.launch(() =>
      address
        ? createWebmailSessionForMailUser(credentials, address, options)
        : createWebmailSessionForSelf(credentials, options),
    );
  }

  private async launch(createLogin: () => Promise<LoginRequest>): Promise<{ tabId: number }> {
    const launchId = crypto.randomUUID();
    const login = createLogin();
    // The launch page may claim before or after the API answers, or never: keep the rejection handled.
    login.catch(() => undefined);
    this.#pending.set(launchId, login);
    setTimeout(() => this.#pending.delete(launchId), UNCLAIMED_TTL_MS);
    const tabId = await this.deps.tabs.open(this.deps.launchPageUrl(launchId));
    await login;
    return { tabId };
  }
}
