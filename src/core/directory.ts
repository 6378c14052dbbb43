import { parseAddress } from '../cpanel/address';
import { findDomainOwner, listDomains } from '../cpanel/domains';
import { listMailboxes, type Mailbox } from '../cpanel/email';
import { LauncherError, msg } from '../cpanel/errors';
import type { TransportOptions } from '../cpanel/transport';
import { STORAGE_KEYS } from '../rules';
import type { AccountRepository, AccountSummary } from './accounts';
import { type CompactMailboxes, compactMailboxes, expandMailboxes } from './compactMailboxes';
import type { HostAccess, KeyValueStore } from './ports';
import { type Codec, TimedCache } from './timedCache';
import type { WhmIndex } from './whmIndex';

const MAILBOX_MAX_AGE_MS = 15 * 60_000;
const DOMAIN_MAX_AGE_MS = 60 * 60_000;

/** Mailbox lists are stored compact (and sorted); lists stored as objects by older versions still read. */
const storedCompact: Codec<Mailbox[]> = {
  encode: compactMailboxes,
  decode: (stored) =>
    Array.isArray(stored) ? (stored as Mailbox[]) : expandMailboxes(stored as CompactMailboxes),
};

/** Where an address lives: a cPanel account's mailbox, or an account a WHM token can open as that user. */
export type Resolution =
  | { kind: 'cpanel'; account: AccountSummary; email: string }
  | { kind: 'whm'; account: AccountSummary; email: string; owner: string };

export interface DirectoryDeps {
  accounts: AccountRepository;
  hostAccess: HostAccess;
  store: KeyValueStore;
  transport?: TransportOptions;
  now?: () => number;
  /** The mailboxes of every account a WHM token sees; without it a WHM account lists none. */
  whm?: WhmIndex;
}

/** Mailbox and domain lists per account, cached, and the answer to "which account owns this address?". */
export class Directory {
  readonly #mailboxes: TimedCache<Mailbox[]>;
  readonly #domains: TimedCache<string[]>;

  constructor(private readonly deps: DirectoryDeps) {
    this.#mailboxes = new TimedCache(
      deps.store,
      STORAGE_KEYS.mailboxes,
      MAILBOX_MAX_AGE_MS,
      deps.now,
      storedCompact,
    );
    this.#domains = new TimedCache(deps.store, STORAGE_KEYS.domains, DOMAIN_MAX_AGE_MS, deps.now);
  }

  async mailboxes(accountId: string, refresh = false): Promise<Mailbox[]> {
    const account = await this.deps.accounts.get(accountId);
    // A WHM token's mailboxes are those of every account it sees, indexed in the background.
    if (account.kind !== 'cpanel') return (await this.deps.whm?.mailboxes(accountId, refresh)) ?? [];
    return this.#mailboxes.get(
      accountId,
      async () => listMailboxes(await this.deps.accounts.credentials(accountId), this.deps.transport),
      refresh,
    );
  }

  /**
   * Cached mailboxes of every account, however old, without any network call (for suggestions and the
   * popup's first rows); `mailboxes` is undefined for an account whose list was never read.
   */
  async cachedMailboxes(): Promise<{ account: AccountSummary; mailboxes?: Mailbox[] }[]> {
    const accounts = await this.deps.accounts.list();
    const lists = await Promise.all(
      accounts.map((account) =>
        account.kind === 'whm' ? this.deps.whm?.known(account.id) : this.#mailboxes.stale(account.id),
      ),
    );
    return accounts.map((account, i) => ({ account, mailboxes: lists[i] }));
  }

  async forget(accountId: string): Promise<void> {
    await Promise.all([
      this.#mailboxes.forget(accountId),
      this.#domains.forget(accountId),
      this.deps.whm?.forget(accountId),
    ]);
  }

  /**
   * Finds the account that owns the address's domain: cPanel accounts by their domain lists, then WHM
   * tokens by their directory, and by asking the server who owns the domain when the directory does not
   * know it. A cPanel account that owns the domain but has no such
   * mailbox answers `not_found` (after one fresh look, in case the mailbox is new).
   */
  async resolve(email: string): Promise<Resolution> {
    const { login, domain } = parseAddress(email);
    const address = `${login}@${domain}`;
    const accounts = await this.deps.accounts.list();
    const reachable = await this.reachable(accounts);
    // An account that could not be asked must not hide the answer of another: remember it for the message.
    const unreachable: string[] = [];
    const failures: unknown[] = [];
    const ask = <T>(account: AccountSummary, question: () => Promise<T>, fallback: T): Promise<T> =>
      question().catch((error: unknown) => {
        unreachable.push(account.label);
        failures.push(error);
        return fallback;
      });
    for (const account of reachable.filter((candidate) => candidate.kind === 'cpanel')) {
      const domains = await ask(account, () => this.domainsOf(account), [] as string[]);
      if (!domains.includes(domain)) continue;
      if (await this.hasMailbox(account, address)) return { kind: 'cpanel', account, email: address };
      throw new LauncherError('not_found', msg('error_no_mailbox', account.label, domain, address));
    }
    for (const account of reachable.filter((candidate) => candidate.kind === 'whm')) {
      const known = await this.deps.whm?.ownerOf(account.id, address, domain);
      if (known) return { kind: 'whm', account, email: address, owner: known };
      const credentials = await this.deps.accounts.credentials(account.id);
      const owner = await ask(
        account,
        () => findDomainOwner(credentials, domain, this.deps.transport),
        undefined,
      );
      if (owner) return { kind: 'whm', account, email: address, owner };
    }
    // Not one account answered, all for the same reason (a rejected token, an untrusted certificate): that
    // reason, with its own fix, is the answer, not "no account has this domain".
    const [first] = failures;
    if (
      failures.length > 0 &&
      failures.length === reachable.length &&
      first instanceof LauncherError &&
      failures.every((error) => error instanceof LauncherError && error.code === first.code)
    ) {
      throw first;
    }
    throw new LauncherError(
      'no_account_for_domain',
      unreachable.length > 0
        ? msg('error_no_account_for_domain_unasked', domain, unreachable.join(', '))
        : msg('error_no_account_for_domain', domain),
    );
  }

  private async reachable(accounts: AccountSummary[]): Promise<AccountSummary[]> {
    const granted = await Promise.all(accounts.map((account) => this.deps.hostAccess.has(account.host)));
    return accounts.filter((_, i) => granted[i]);
  }

  private async domainsOf(account: AccountSummary): Promise<string[]> {
    return this.#domains.get(account.id, async () =>
      listDomains(await this.deps.accounts.credentials(account.id), this.deps.transport),
    );
  }

  private async hasMailbox(account: AccountSummary, address: string): Promise<boolean> {
    const has = (list: Mailbox[]) => list.some((mailbox) => mailbox.email.toLowerCase() === address);
    return has(await this.mailboxes(account.id)) || has(await this.mailboxes(account.id, true));
  }
}
