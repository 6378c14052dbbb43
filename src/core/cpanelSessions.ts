import { LauncherError, msg } from '../cpanel/errors';
import type { LoginRequest } from '../cpanel/login';
import { type CpanelSessionBinding, createTempUser } from '../cpanel/tempUser';
import type { TransportOptions } from '../cpanel/transport';
import { STORAGE_KEYS } from '../rules';
import type { KeyValueStore } from './ports';
import { SerialQueue } from './serial';

/** A cPanel session the extension opened in a tab, as the popup sees it: no security token. */
export interface CpanelSessionSummary {
  tabId: number;
  accountId: string;
  /** The cPanel user signed in. */
  user: string;
}

type Stored = CpanelSessionSummary & Omit<CpanelSessionBinding, 'cookie'>;

const KEY = STORAGE_KEYS.cpanelSessions;

/**
 * The cPanel sessions the extension opened, by tab, kept in session storage (memory only, it outlives a
 * worker restart but not the browser). The browser holds the session's cookie; we keep only where it lives
 * (host, port, `/cpsessN`), which is what Session::create_temp_user needs besides that cookie.
 */
export class CpanelSessions {
  readonly #writes = new SerialQueue();

  constructor(
    private readonly store: KeyValueStore,
    private readonly transport?: TransportOptions,
  ) {}

  /** Notes the session a cPanel login request opens in `tabId`; a URL of another shape is ignored. */
  remember(tabId: number, accountId: string, user: string, login: LoginRequest): Promise<void> {
    const match = /^https:\/\/([^/:]+)(?::(\d+))?(\/cpsess\d+)\/login$/.exec(login.url);
    if (!match) return Promise.resolve();
    const [, host = '', port = '443', securityToken = ''] = match;
    const entry: Stored = { tabId, accountId, user, host, port: Number(port), securityToken };
    return this.update((all) => ({ ...all, [tabId]: entry }));
  }

  /** Drops the session of a tab that closed, or whose session ended; other tabs cost no write. */
  forget(tabId: number): Promise<void> {
    return this.update((all) => {
      if (!(tabId in all)) return all;
      const { [tabId]: _, ...rest } = all;
      return rest;
    });
  }

  async list(): Promise<CpanelSessionSummary[]> {
    return Object.values(await this.read()).map(({ tabId, accountId, user }) => ({ tabId, accountId, user }));
  }

  /** Session::create_temp_user inside the session of `tabId`; a session that has ended is forgotten. */
  async tempUser(tabId: number): Promise<{ user: string }> {
    const session = (await this.read())[tabId];
    if (!session) throw new LauncherError('not_found', msg('error_cpanel_session_gone'));
    // Outside a session cPanel answers with its login page (not JSON) or refuses outright.
    const { user } = await createTempUser(session, this.transport).catch((error: LauncherError) => {
      if (error.code !== 'not_json' && error.code !== 'auth_failed') throw error;
      return { user: undefined };
    });
    if (user) return { user };
    await this.forget(tabId);
    throw new LauncherError('not_found', msg('error_cpanel_session_ended', session.user));
  }

  private async read(): Promise<Record<string, Stored>> {
    return (await this.store.get<Record<string, Stored>>(KEY)) ?? {};
  }

  private update(change: (all: Record<string, Stored>) => Record<string, Stored>): Promise<void> {
    return this.#writes.run(async () => {
      const all = await this.read();
      const next = change(all);
      if (next !== all) await this.store.set(KEY, next);
    });
  }
}
