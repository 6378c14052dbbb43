import type { SealedSecret } from './crypto';

/**
 * The stored accounts record, by schema version. Every version ever shipped stays described here, so an
 * upgrade from any of them can be tested; `migrateAccounts` brings each forward and never drops an account.
 */
export interface StoredAccountV1 {
  id: string;
  label: string;
  kind: 'cpanel' | 'whm';
  host: string;
  port: number;
  username: string;
  token: SealedSecret;
}

export interface AccountsRecordV1 {
  version: 1;
  accounts: StoredAccountV1[];
}

export interface StoredAccountV2 extends StoredAccountV1 {
  askPassword: boolean;
  locale?: string;
  /**
   * The token was saved before the passphrase was set: its earlier copy, sealed with the device key, may
   * remain in the browser's storage files. Cleared when the token is replaced or the passphrase removed.
   */
  sealedBeforePassphrase?: boolean;
}

/** v2: per-account options, and the default account for the "open default Webmail" shortcut. */
export interface AccountsRecordV2 {
  version: 2;
  accounts: StoredAccountV2[];
  defaultId?: string;
  /** Tokens the user entered for policy-managed accounts whose policy carries none. */
  managedTokens?: Record<string, SealedSecret>;
}

export type AccountsRecord = AccountsRecordV2;
export const ACCOUNTS_VERSION = 2;

export function emptyRecord(): AccountsRecord {
  return { version: 2, accounts: [] };
}

function fromV1(record: AccountsRecordV1): AccountsRecordV2 {
  const accounts = record.accounts.map((account) => ({
    ...account,
    // Records written before v2 by an early build may already carry these fields.
    askPassword: (account as Partial<StoredAccountV2>).askPassword === true,
  }));
  const migrated: AccountsRecordV2 = { version: 2, accounts };
  if (accounts[0]) migrated.defaultId = accounts[0].id;
  return migrated;
}

/** Reads whatever version is stored and returns the current one. Unknown future versions are kept as is. */
export function migrateAccounts(stored: unknown): AccountsRecord {
  if (!stored || typeof stored !== 'object') return emptyRecord();
  const record = stored as { version?: unknown };
  if (record.version === 1) return fromV1(stored as AccountsRecordV1);
  return stored as AccountsRecord;
}
