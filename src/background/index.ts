import browser from 'webextension-polyfill';
import { AccountRepository } from '../core/accounts';
import { Directory } from '../core/directory';
import { Launcher } from '../core/launcher';
import { Openers } from '../core/openers';
import { Recents } from '../core/recents';
import { TokenSealer } from '../core/sealer';
import { hostAccess, storageArea, tabOpener } from './adapters';
import { registerCommands } from './commands';
import { registerContextMenu } from './contextMenu';
import { createHandlers } from './handlers';
import { createRouter } from './messages';
import { registerNotificationClicks } from './notify';
import { registerOmnibox } from './omnibox';

// The composition root: the only module that knows both the browser and the core.
const LAUNCH_PAGE = browser.runtime.getURL('src/launch/index.html');

const store = storageArea(browser.storage.local);
const accounts = new AccountRepository(store, new TokenSealer(store));
const recents = new Recents(store);
const directory = new Directory({ accounts, hostAccess, store });
const launcher = new Launcher(tabOpener, (launchId) => `${LAUNCH_PAGE}#${launchId}`);
const openers = new Openers({
  accounts,
  launcher,
  hostAccess,
  directory,
  recents,
  language: () => browser.i18n.getUILanguage(),
});

const route = createRouter(
  createHandlers({
    accounts,
    launcher,
    openers,
    directory,
    recents,
    hostAccess,
    launchPagePath: LAUNCH_PAGE,
  }),
  { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('') },
);

// Every listener is registered on the first turn of the event loop, so an event that wakes the worker
// is never missed.
browser.runtime.onMessage.addListener(route satisfies browser.Runtime.OnMessageListenerAsync);
registerContextMenu(openers);
registerCommands(accounts, openers);
registerOmnibox(directory, openers);
registerNotificationClicks();
