/// <reference types="vite/client" />
import browser from 'webextension-polyfill';
import { AccountRepository } from '../core/accounts';
import { CpanelSessions } from '../core/cpanelSessions';
import { Directory } from '../core/directory';
import { Keyring, UNLOCKED_KEY } from '../core/keyring';
import { Launcher } from '../core/launcher';
import { managedAccounts } from '../core/managed';
import { Openers } from '../core/openers';
import { PreparedSessions } from '../core/prepared';
import { Recents } from '../core/recents';
import { SettingsStore } from '../core/settings';
import { TrustedOrigins } from '../core/trustedOrigins';
import { Vault } from '../core/vault';
import { WhmIndex, whmServers } from '../core/whmIndex';
import { t } from '../i18n/t';
import { hostAccess, storageArea, tabOpener } from './adapters';
import { registerAutoLock } from './autoLock';
import { openDefaultWebmail, registerCommands } from './commands';
import { COMPOSE_PAGE_PATH, registerContextMenu } from './contextMenu';
import { registerFirefoxMenuTitle } from './firefoxMenus';
import { createHandlers } from './handlers';
import { ManagedPolicy } from './managedPolicy';
import { createRouter } from './messages';
import { explainNetworkError, registerNetworkErrors } from './networkErrors';
import { registerNotificationClicks } from './notify';
import { registerOmnibox } from './omnibox';
import { PendingActions, runPendingAction } from './pendingActions';
import { rememberedStore } from './rememberedStore';

// The composition root: the only module that knows both the browser and the core.
const LAUNCH_PAGE = browser.runtime.getURL('src/launch/index.html');
const COMPOSE_PAGE = browser.runtime.getURL(COMPOSE_PAGE_PATH);

const local = storageArea(browser.storage.local);
const session = storageArea(browser.storage.session);
const transport = { explainNetworkError, trust: new TrustedOrigins(local) };
const policy = new ManagedPolicy(local);
const settings = new SettingsStore(local, async () => {
  const minutes = (await policy.forListing()).autoLockMinutes;
  return typeof minutes === 'number' && minutes > 0 ? { autoLockMinutes: minutes } : {};
});
const keyring = new Keyring(
  local,
  session,
  Date.now,
  async () => (await settings.get()).autoLockMinutes * 60_000,
);
const accounts = new AccountRepository(local, keyring, async (withTokens) =>
  managedAccounts(await (withTokens ? policy.full() : policy.forListing())),
);
const vault = new Vault(local, keyring, accounts);
const recents = new Recents(local);
// Only the directory writes its caches, so they can be kept in memory too.
// The WHM directory keeps its own copy in memory; storage.local holds it across the worker's restarts.
const whmIndex = new WhmIndex({ store: local, server: whmServers(accounts, transport) });
const directory = new Directory({
  accounts,
  hostAccess,
  store: rememberedStore(local),
  transport,
  whm: whmIndex,
});
const launcher = new Launcher(tabOpener, (launchId) => `${LAUNCH_PAGE}#${launchId}`);
const cpanelSessions = new CpanelSessions(session, transport);
// Memory only: a worker that stops takes its prepared sessions with it, which is what they are for.
const prepared = new PreparedSessions({ schedule: (drop, ms) => void setTimeout(drop, ms) });
const openers = new Openers({
  accounts,
  launcher,
  hostAccess,
  directory,
  recents,
  cpanelSessions,
  transport,
  language: () => browser.i18n.getUILanguage(),
  settings,
  composeNote: () => t('compose_body_cut'),
  prepared,
});
const pending = new PendingActions(
  session,
  runPendingAction(openers, () => openDefaultWebmail(accounts, openers)),
);

// Every listener is registered on the first turn of the event loop, so an event that wakes the worker
// is never missed.
registerNetworkErrors();
policy.register();
const startAutoLock = registerAutoLock(keyring);
const route = createRouter(
  createHandlers({
    accounts,
    launcher,
    openers,
    directory,
    whmIndex,
    recents,
    hostAccess,
    vault,
    settings,
    pending,
    cpanelSessions,
    prepared,
    onUnlocked: startAutoLock,
    launchPagePath: LAUNCH_PAGE,
    composePagePath: COMPOSE_PAGE,
    transport,
  }),
  { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('') },
);
browser.runtime.onMessage.addListener(route satisfies browser.Runtime.OnMessageListenerAsync);
registerContextMenu(openers, pending, settings);
// Firefox only (Chrome has no menus.onShown): left out of the other builds, where it would never run.
if (import.meta.env.MODE === 'firefox') registerFirefoxMenuTitle();
registerCommands(accounts, openers, pending);
registerOmnibox(directory, openers, pending);
registerNotificationClicks();
browser.tabs.onRemoved.addListener((tabId) => void cpanelSessions.forget(tabId));
// A lock (also the automatic one) and any change of the accounts or the policy drop every prepared session.
browser.storage.onChanged.addListener((changes, area) => {
  const locked =
    area === 'session' && UNLOCKED_KEY in changes && changes[UNLOCKED_KEY]?.newValue === undefined;
  if (locked || area === 'managed' || (area === 'local' && 'accounts' in changes)) prepared.clear();
});
// A directory the worker's end interrupted goes on where it stopped.
void accounts
  .list()
  .then((list) => whmIndex.resume(list.filter((account) => account.kind === 'whm').map(({ id }) => id)))
  .catch(() => undefined);
