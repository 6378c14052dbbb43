import browser from 'webextension-polyfill';
import { AccountRepository } from '../core/accounts';
import { Launcher } from '../core/launcher';
import { TokenSealer } from '../core/sealer';
import { hostAccess, storageArea, tabOpener } from './adapters';
import { createHandlers } from './handlers';
import { createRouter } from './messages';

// The composition root: the only module that knows both the browser and the core.
const LAUNCH_PAGE = browser.runtime.getURL('src/launch/index.html');

const store = storageArea(browser.storage.local);
const accounts = new AccountRepository(store, new TokenSealer(store));
const launcher = new Launcher({
  accounts,
  tabs: tabOpener,
  hostAccess,
  launchPageUrl: (launchId) => `${LAUNCH_PAGE}#${launchId}`,
});

const route = createRouter(createHandlers({ accounts, launcher, hostAccess, launchPagePath: LAUNCH_PAGE }), {
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
});

// Registered on the first turn of the event loop, so a message that wakes the worker is never missed.
browser.runtime.onMessage.addListener(route satisfies browser.Runtime.OnMessageListenerAsync);
