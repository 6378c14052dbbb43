import { LauncherError, msg } from '../cpanel/errors';
import type { LoginRequest } from '../cpanel/login';
import type { LaunchAbout } from './launchAbout';
import type { TabOpener } from './ports';

export interface LaunchOptions {
  /**
   * Open the tab only once the server accepted: for a typed password, where a refusal should leave the
   * user in the popup to try again rather than in a tab that says "wrong password".
   */
  openAfterLogin?: boolean;
  /** Which account and target, for the launch page to say while it waits and when it fails. */
  about?: LaunchAbout;
  /** Sign in inside this tab (the compose page that asked, a launch page's Try again) instead of a new one. */
  inTab?: number;
}

/** An unclaimed login is dropped after this long, so a session never sits in memory for nothing. */
const UNCLAIMED_TTL_MS = 60_000;
/** What a launch page shows about its sign-in stays this long: a failed page may be retried minutes later. */
const ABOUT_TTL_MS = 30 * 60_000;
/**
 * A second trigger of the same target this soon after a sign-in is the same intent (a double-click, a
 * double-tapped shortcut): it is answered with the tab already open instead of a second session.
 */
export const REPEAT_WINDOW_MS = 2_000;

/**
 * Opens signed-in tabs. The launch tab opens at once, in parallel with the API call, and claims its login
 * request by message exactly once; the session string never travels in a URL.
 */
export class Launcher {
  readonly #pending = new Map<string, Promise<LoginRequest>>();
  readonly #about = new Map<string, LaunchAbout>();
  readonly #inFlight = new Map<string, Promise<{ tabId: number }>>();
  /** The tab each key last signed in, and when; only successes are kept. */
  readonly #recent = new Map<string, { tabId: number; at: number }>();

  constructor(
    private readonly tabs: TabOpener,
    /** The launch page's URL for one launch id. */
    private readonly launchPageUrl: (launchId: string) => string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Starts `createLogin` and opens the launch tab. Two triggers with the same `key` while the first is
   * under way, or within REPEAT_WINDOW_MS of its success while its tab is still open, are shown its tab and its
   * single API call.
   */
  launch(
    key: string,
    createLogin: () => Promise<LoginRequest>,
    options: LaunchOptions = {},
  ): Promise<{ tabId: number }> {
    const running = this.#inFlight.get(key);
    if (running) return running;
    const launch = this.reuseOrStart(key, createLogin, options).finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, launch);
    return launch;
  }

  /** Hands the launch page its login request; a second claim for the same id finds nothing. */
  claim(launchId: string): Promise<LoginRequest> {
    const pending = this.#pending.get(launchId);
    if (!pending) {
      return Promise.reject(new LauncherError('not_found', msg('error_launch_used')));
    }
    this.#pending.delete(launchId);
    return pending;
  }

  /** The account and target of a launch, for its page; it holds no secret and may be read again. */
  about(launchId: string): LaunchAbout {
    const about = this.#about.get(launchId);
    if (!about) throw new LauncherError('not_found', msg('error_launch_used'));
    return about;
  }

  private async reuseOrStart(
    key: string,
    createLogin: () => Promise<LoginRequest>,
    options: LaunchOptions,
  ): Promise<{ tabId: number }> {
    const recent = this.#recent.get(key);
    if (
      options.inTab === undefined &&
      recent &&
      this.now() - recent.at < REPEAT_WINDOW_MS &&
      (await this.tabs.reveal(recent.tabId))
    ) {
      return { tabId: recent.tabId };
    }
    this.#recent.delete(key);
    const result = await this.start(createLogin, options);
    for (const [other, { at }] of this.#recent) {
      if (this.now() - at >= REPEAT_WINDOW_MS) this.#recent.delete(other);
    }
    this.#recent.set(key, { tabId: result.tabId, at: this.now() });
    return result;
  }

  private async start(
    createLogin: () => Promise<LoginRequest>,
    options: LaunchOptions,
  ): Promise<{ tabId: number }> {
    const launchId = crypto.randomUUID();
    const login = createLogin();
    if (options.openAfterLogin) await login;
    // The launch page may claim before or after the API answers, or never: keep the rejection handled.
    login.catch(() => undefined);
    this.#pending.set(launchId, login);
    setTimeout(() => this.#pending.delete(launchId), UNCLAIMED_TTL_MS);
    if (options.about) {
      this.#about.set(launchId, options.about);
      setTimeout(() => this.#about.delete(launchId), ABOUT_TTL_MS);
    }
    const url = this.launchPageUrl(launchId);
    const { inTab } = options;
    const tabId =
      inTab !== undefined && this.tabs.navigate
        ? await this.tabs.navigate(inTab, url)
        : await this.tabs.open(url);
    await login;
    return { tabId };
  }
}
