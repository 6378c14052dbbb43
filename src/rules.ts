// The product's rules and numbers, each written once. This module imports nothing, so every layer may use
// it: the API client, core, the worker, the pages and the tests.

/** A cPanel or WHM user name as the account form and an administrator's policy accept it. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,63}$/i;

/** A cPanel/WHM API token: 32 upper-case letters and digits. */
export const API_TOKEN_PATTERN = /^[0-9A-Z]{32}$/;

/** A cPanel locale name, lower case with underscores (`en`, `pt_br`, `zh_tw`). */
export const LOCALE_PATTERN = /^[a-z]{2,3}(_[a-z0-9]{2,8})*$/;

/** A session's security token as it begins a URL path: `/cpsess` and digits. */
export const SECURITY_TOKEN_PATTERN = /^\/cpsess\d+$/;

/** The shortest passphrase the vault and an export accept. */
export const MIN_PASSPHRASE_LENGTH = 8;

/** PBKDF2-HMAC-SHA-256 iterations for a passphrase key: OWASP's 2023 floor. */
export const PBKDF2_ITERATIONS = 600_000;

/** Minutes of inactivity after which an unlocked vault locks, unless the user or a policy says otherwise. */
export const DEFAULT_AUTO_LOCK_MINUTES = 15;

/** Every key the extension writes to storage.local or storage.session. */
export const STORAGE_KEYS = {
  /** local: the account list (tokens sealed). */
  accounts: 'accounts',
  /** local: user settings. */
  settings: 'settings',
  /** local: the passphrase's salt, iterations and check value; never the key. */
  vault: 'vault',
  /** local: the random key that seals tokens while no passphrase is set. */
  deviceKey: 'deviceKey',
  /** local: addresses opened lately, for suggestions. */
  recents: 'recents',
  /** local, `mailboxes:<account id>`: an account's mailbox list and when it was fetched. */
  mailboxes: 'mailboxes',
  /** local, `domains:<account id>`: an account's domains and when they were fetched. */
  domains: 'domains',
  /** local: the last administrator policy read, so lists need not wait for it. */
  managedPolicyCache: 'managedPolicyCache',
  /** session: the unlocked passphrase key, written once per unlock. */
  vaultUnlocked: 'vaultUnlocked',
  /** session: when the key was last used, apart from the key (pages follow the vault through it). */
  vaultLastUsed: 'vaultLastUsed',
  /** local: origins whose certificate was once trusted (never offer to accept another for them). */
  trustedOrigins: 'trustedOrigins',
  /** session: a trigger that met a locked vault, replayed after the unlock. */
  pendingAction: 'pendingAction',
  /** session: the cPanel sessions the extension opened, by tab. */
  cpanelSessions: 'cpanelSessions',
} as const;

/**
 * IndexedDB, not storage.local: the popup's copies of the compact mailbox lists (`<account id>` → version
 * and list), read back by structured clone instead of JSON. No token, nothing the worker does not cache.
 */
export const MAILBOX_COPIES = { database: 'popup-mailboxes', table: 'lists' } as const;
