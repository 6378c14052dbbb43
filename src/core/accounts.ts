import type { Credentials } from '../cpanel/credentials';
import { LauncherError, msg } from '../cpanel/errors';
import { STORAGE_KEYS } from '../rules';
import type { ValidAccountInput } from './accountInput';
import type { AccountSummary } from './accountSummary';
import { type SealedSecret, seal, unseal } from './crypto';
import type { Keyring } from './keyring';
import type { ManagedAccount } from './managed';
import { type AccountsRecord, migrateAccounts, type StoredAccountV2 } from './migrations';
import type { KeyValueStore } from './ports';
import { SerialQueue } from './serial';

export type { AccountSummary } from './accountSummary';

type StoredAccount = StoredAccountV2;

/** The fields an edit may change; a changed token arrives in plaintext and is sealed here. */
export type AccountChanges = Partial<Omit<ValidAccountInput, 'kind'>>;

export const ACCOUNTS_KEY = STORAGE_KEYS.accounts;

const readOnly = () => new LauncherError('bad_input', msg('error_account_managed'));
const missing = () => new LauncherError('not_found', msg('error_account_gone'));

export class AccountRepository {
  readonly #writes = new SerialQueue();

  constructor(
    private readonly store: KeyValueStore,
    private readonly keyring: Keyring,
    /**
     * Accounts from an administrator's policy, listed first and read-only. `withTokens` is asked only when
     * signing in; listing may use a copy without tokens.
     */
    private readonly managed: (withTokens?: boolean) => Promise<ManagedAccount[]> = async () => [],
  ) {}

  async list(): Promise<AccountSummary[]> {
    const [record, managed] = await Promise.all([this.read(), this.managed()]);
    const all: AccountSummary[] = [
      ...managed.map(({ summary }) => summary),
      ...record.accounts.map(({ token: _token, ...summary }) => summary),
    ];
    const defaultId = all.some((account) => account.id === record.defaultId) ? record.defaultId : all[0]?.id;
    return all.map((account) => ({ ...account, isDefault: account.id === defaultId }));
  }

  async get(id: string): Promise<AccountSummary> {
    const account = (await this.list()).find((candidate) => candidate.id === id);
    if (!account) throw missing();
    return account;
  }

  /** The default account, else the first one. */
  async defaultAccount(): Promise<AccountSummary | undefined> {
    const accounts = await this.list();
    return accounts.find((account) => account.isDefault) ?? accounts[0];
  }

  async credentials(id: string): Promise<Credentials> {
    const record = await this.read();
    const managed = id.startsWith('managed:')
      ? (await this.managed(true)).find((candidate) => candidate.summary.id === id)
      : undefined;
    if (managed) return this.managedCredentials(managed, record);
    const stored = record.accounts.find((candidate) => candidate.id === id);
    if (!stored) throw missing();
    const { kind, host, port, username } = stored;
    const token = await this.unsealFor(stored.label, stored.token);
    return { kind, host, port, username, token };
  }

  private async managedCredentials(managed: ManagedAccount, record: AccountsRecord): Promise<Credentials> {
    const { kind, host, port, username, label, id } = managed.summary;
    const sealed = record.managedTokens?.[id];
    if (managed.token) return { kind, host, port, username, token: managed.token };
    if (!sealed) {
      throw new LauncherError('not_found', msg('error_managed_needs_token', label));
    }
    return { kind, host, port, username, token: await this.unsealFor(label, sealed) };
  }

  private async unsealFor(label: string, sealed: SealedSecret): Promise<string> {
    return this.keyring.unseal(sealed).catch((error: unknown) => {
      if (error instanceof LauncherError) throw error;
      // GCM refuses altered or foreign ciphertext: say which account needs its token again.
      throw new LauncherError('not_found', msg('error_token_unreadable', label));
    });
  }

  async add(input: ValidAccountInput): Promise<string> {
    const [id] = await this.addMany([input]);
    return id as string;
  }

  /** Adds several accounts in one write: all of them land, or none. */
  async addMany(inputs: ValidAccountInput[]): Promise<string[]> {
    const added = inputs.map((input) => ({ id: crypto.randomUUID(), input }));
    if (added.length === 0) return [];
    // Sealed inside the write queue: a passphrase change queued meanwhile cannot discard the key used.
    await this.update(async (record) => {
      const accounts = await Promise.all(
        added.map(async ({ id, input: { token, ...rest } }) => ({
          id,
          ...rest,
          askPassword: rest.askPassword === true,
          token: await this.keyring.seal(token),
        })),
      );
      return { ...record, accounts: [...record.accounts, ...accounts] };
    });
    return added.map(({ id }) => id);
  }

  async edit(id: string, changes: AccountChanges): Promise<void> {
    const sealNew = () => (changes.token === undefined ? undefined : this.keyring.seal(changes.token));
    if (await this.isManaged(id)) {
      const { token: _token, ...others } = changes;
      if (changes.token === undefined || Object.values(others).some((value) => value !== undefined))
        throw readOnly();
      await this.update(async (record) => ({
        ...record,
        managedTokens: { ...record.managedTokens, [id]: (await sealNew()) as SealedSecret },
      }));
      return;
    }
    await this.update(async (record) => {
      const index = record.accounts.findIndex((account) => account.id === id);
      const current = record.accounts[index];
      if (!current) throw missing();
      const { token: _plaintext, ...fields } = changes;
      const sealed = await sealNew();
      const next: StoredAccount = { ...current, ...stripUndefined(fields), token: sealed ?? current.token };
      if (sealed) delete next.sealedBeforePassphrase;
      if (changes.locale === undefined && 'locale' in changes) delete next.locale;
      const accounts = [...record.accounts];
      accounts[index] = next;
      return { ...record, accounts };
    });
  }

  async remove(id: string): Promise<void> {
    if (await this.isManaged(id)) throw readOnly();
    await this.update((record) => {
      const accounts = record.accounts.filter((account) => account.id !== id);
      if (accounts.length === record.accounts.length)
        throw new LauncherError('not_found', msg('error_account_missing'));
      const next: AccountsRecord = { ...record, accounts };
      if (record.defaultId === id) delete next.defaultId;
      return next;
    });
  }

  /** Puts the accounts in the given order; ids not named keep their relative order at the end. */
  async reorder(ids: string[]): Promise<void> {
    await this.update((record) => {
      const position = new Map(ids.map((id, i) => [id, i]));
      const rank = (account: StoredAccount) => position.get(account.id) ?? ids.length;
      return { ...record, accounts: [...record.accounts].sort((a, b) => rank(a) - rank(b)) };
    });
  }

  async setDefault(id: string): Promise<void> {
    const known = (await this.list()).some((account) => account.id === id);
    if (!known) throw missing();
    await this.update((record) => ({ ...record, defaultId: id }));
  }

  private async isManaged(id: string): Promise<boolean> {
    return (await this.managed()).some((account) => account.summary.id === id);
  }

  /**
   * The record with every token re-sealed from one key to another, not yet written: the vault stores it in
   * the same write as its new key material, so a failure half-way changes nothing. `sealedBeforePassphrase`
   * sets or clears every account's mark (see StoredAccountV2), or keeps it.
   */
  async resealed(
    from: CryptoKey,
    to: CryptoKey,
    sealedBeforePassphrase: boolean | 'keep' = 'keep',
  ): Promise<AccountsRecord> {
    const record = await this.read();
    const accounts = await Promise.all(
      record.accounts.map(async (account) => {
        const next = { ...account, token: await reseal(account.token, from, to) };
        if (sealedBeforePassphrase === true) next.sealedBeforePassphrase = true;
        if (sealedBeforePassphrase === false) delete next.sealedBeforePassphrase;
        return next;
      }),
    );
    const resealedRecord: AccountsRecord = { ...record, accounts };
    if (record.managedTokens) {
      const entries = await Promise.all(
        Object.entries(record.managedTokens).map(
          async ([id, token]) => [id, await reseal(token, from, to)] as const,
        ),
      );
      resealedRecord.managedTokens = Object.fromEntries(entries);
    }
    return resealedRecord;
  }

  /** Plaintext tokens of every account, for an export encrypted by the caller. */
  async withTokens(): Promise<(StoredAccount & { plaintextToken: string })[]> {
    const record = await this.read();
    return Promise.all(
      record.accounts.map(async (account) => ({
        ...account,
        plaintextToken: await this.keyring.unseal(account.token),
      })),
    );
  }

  /** Runs `task` with writes to the accounts held back, for changes that span the accounts and other keys. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.#writes.run(task);
  }

  async read(): Promise<AccountsRecord> {
    return migrateAccounts(await this.store.get(ACCOUNTS_KEY));
  }

  private update(
    change: (record: AccountsRecord) => AccountsRecord | Promise<AccountsRecord>,
  ): Promise<void> {
    return this.#writes.run(async () => this.store.set(ACCOUNTS_KEY, await change(await this.read())));
  }
}

async function reseal(token: SealedSecret, from: CryptoKey, to: CryptoKey): Promise<SealedSecret> {
  return seal(to, await unseal(from, token));
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
