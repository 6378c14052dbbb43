import type { Credentials } from '../cpanel/credentials';
import { LauncherError } from '../cpanel/errors';
import type { ValidAccountInput } from './accountInput';
import type { KeyValueStore } from './ports';
import type { SealedSecret, TokenSealer } from './sealer';
import { SerialQueue } from './serial';

/** What pages may see of an account: everything but the token. */
export interface AccountSummary {
  id: string;
  label: string;
  kind: 'cpanel' | 'whm';
  host: string;
  port: number;
  username: string;
  /** Ask for the mailbox password and check it (…_check_password) instead of opening without it. */
  askPassword?: boolean;
  /** cPanel locale for new sessions; the browser's language when absent. */
  locale?: string;
}

interface StoredAccount extends AccountSummary {
  token: SealedSecret;
}

/** The storage record; `version` lets a later schema migrate it forward. */
interface AccountsRecord {
  version: 1;
  accounts: StoredAccount[];
}

const KEY = 'accounts';

export class AccountRepository {
  readonly #writes = new SerialQueue();

  constructor(
    private readonly store: KeyValueStore,
    private readonly sealer: TokenSealer,
  ) {}

  async list(): Promise<AccountSummary[]> {
    return (await this.read()).accounts.map(({ token: _token, ...summary }) => summary);
  }

  async get(id: string): Promise<AccountSummary> {
    const account = (await this.list()).find((candidate) => candidate.id === id);
    if (!account) throw new LauncherError('not_found', 'That account no longer exists. Reopen the popup.');
    return account;
  }

  async credentials(id: string): Promise<Credentials> {
    const stored = (await this.read()).accounts.find((candidate) => candidate.id === id);
    if (!stored) throw new LauncherError('not_found', 'That account no longer exists. Reopen the popup.');
    const { kind, host, port, username } = stored;
    return { kind, host, port, username, token: await this.sealer.unseal(stored.token) };
  }

  async add(input: ValidAccountInput): Promise<string> {
    const id = crypto.randomUUID();
    const { token, ...rest } = input;
    const account: StoredAccount = { id, ...rest, token: await this.sealer.seal(token) };
    await this.update((accounts) => [...accounts, account]);
    return id;
  }

  async remove(id: string): Promise<void> {
    await this.update((accounts) => {
      const kept = accounts.filter((account) => account.id !== id);
      if (kept.length === accounts.length)
        throw new LauncherError('not_found', 'That account does not exist.');
      return kept;
    });
  }

  private async read(): Promise<AccountsRecord> {
    return (await this.store.get<AccountsRecord>(KEY)) ?? { version: 1, accounts: [] };
  }

  private update(change: (accounts: StoredAccount[]) => StoredAccount[]): Promise<void> {
    return this.#writes.run(async () => {
      const record = await this.read();
      await this.store.set(KEY, { ...record, accounts: change(record.accounts) } satisfies AccountsRecord);
    });
  }
}
