// The Firefox manifest, derived from the one manifest.json both builds share, so the two stores never drift.

/** The add-on's permanent ID on addons.mozilla.org: storage, granted permissions and updates hang on it. */
export const GECKO_ID = 'webmail-launcher@webmail-launcher.example';

/**
 * Firefox 140 (an ESR line) is the first to read `data_collection_permissions`, which addons.mozilla.org
 * requires of new add-ons; below it the linter warns. Everything else used is older: MV3 (109), module
 * background scripts (112), storage.session (115), optional_host_permissions (128).
 */
export const GECKO_MIN_VERSION = '140.0';

/**
 * What leaves the browser, in Mozilla's terms: the API token travels to the cPanel server the user configured,
 * and so does a mailbox address typed to open it. Nothing goes to the developer or anyone else.
 */
export const DATA_COLLECTION = { required: ['authenticationInfo', 'personallyIdentifyingInfo'] };

/**
 * Firefox for Android reads `data_collection_permissions` from 142 on. The add-on is not offered for Android
 * (no context menus, commands or omnibox there), but AMO checks the key against Android's floor all the same.
 */
export const GECKO_ANDROID_MIN_VERSION = '142.0';

type Manifest = Record<string, unknown> & { background?: Record<string, unknown> };

/**
 * Firefox takes mailto: links from the manifest (Chromium asks at run time, from the options page): the
 * compose page gets the link as `?uri=`, the same page and parameter as in Chromium.
 */
export const MAILTO_HANDLER = {
  protocol: 'mailto',
  name: 'Webmail Launcher',
  uriTemplate: '/src/compose/index.html?uri=%s',
};

/** The shared manifest turned into Firefox's Manifest V3 dialect. */
export function firefoxManifest(manifest: Manifest): Manifest {
  const {
    // Chrome's floor; Firefox's is strict_min_version below.
    minimum_chrome_version: _minimumChromeVersion,
    // Chrome reads managed storage's schema from here. Firefox takes policies from policies.json (3rdparty)
    // and warns "unexpected property" about a `storage` key.
    storage: _storage,
    background,
    ...rest
  } = manifest;
  const worker = background?.service_worker;
  if (typeof worker !== 'string') throw new Error('manifest.json: background.service_worker is missing');
  return {
    ...rest,
    // Firefox runs MV3 backgrounds as event pages, not service workers; the same ES module works in both.
    background: { scripts: [worker], type: 'module' },
    protocol_handlers: [MAILTO_HANDLER],
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        data_collection_permissions: DATA_COLLECTION,
      },
      gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
    },
  };
}
