import * as v from 'valibot';
import { accountInputSchema } from '../../src/core/accountInput';
import { AccountRepository } from '../../src/core/accounts';
import { Directory } from '../../src/core/directory';
import { Keyring } from '../../src/core/keyring';
import { Launcher } from '../../src/core/launcher';
import { MemoryStore } from '../../src/core/memoryStore';
import { Openers, type OpenersDeps } from '../../src/core/openers';
import { Recents } from '../../src/core/recents';
import { SettingsStore } from '../../src/core/settings';
import { fakeTabs } from './fakeTabs';
import { routedFetch } from './routedFetch';
import { TEST_TOKEN } from './tokens';

export interface OpenersWorldOptions {
  /** What the fake server answers, by path (see routedFetch). */
  routes: Parameters<typeof routedFetch>[0];
  /** Whether the user granted access to the accounts' hosts. */
  granted?: boolean;
  /** Give Openers the settings store ("Send from", where Webmail opens); without, it takes defaults. */
  withSettings?: boolean;
  /** Openers' optional dependencies, e.g. the browser language, the compose note, prepared sessions. */
  deps?: Pick<OpenersDeps, 'language' | 'composeNote' | 'prepared'>;
}

/**
 * Openers over fake ports: in-memory storage, tabs that record what they opened, host access as told, and
 * a fetch that answers `routes`. `add` saves a cPanel account for demo at a.example.com unless told otherwise.
 */
export function openersWorld({
  routes,
  granted = true,
  withSettings = false,
  deps = {},
}: OpenersWorldOptions) {
  const store = new MemoryStore();
  const accounts = new AccountRepository(store, new Keyring(store, new MemoryStore()));
  const { fetch, calls } = routedFetch(routes);
  const tabs = fakeTabs();
  const launcher = new Launcher(tabs, (id) => `ext://launch#${id}`);
  const hostAccess = { has: async () => granted };
  const recents = new Recents(store);
  const settings = new SettingsStore(store);
  const openers = new Openers({
    accounts,
    launcher,
    hostAccess,
    recents,
    directory: new Directory({ accounts, hostAccess, store, transport: { fetch } }),
    transport: { fetch },
    ...(withSettings ? { settings } : {}),
    ...deps,
  });
  const add = (fields: Record<string, unknown> = {}) =>
    accounts.add(
      v.parse(accountInputSchema, {
        kind: 'cpanel',
        host: 'a.example.com',
        username: 'demo',
        token: TEST_TOKEN,
        ...fields,
      }),
    );
  return { openers, launcher, accounts, recents, settings, tabs, calls, add };
}
