import { LauncherError, msg } from '../cpanel/errors';
import { DEFAULT_AUTO_LOCK_MINUTES, PBKDF2_ITERATIONS, STORAGE_KEYS } from '../rules';
import {
  deriveKey,
  exportAesKey,
  fromBase64,
  importAesKey,
  randomBytes,
  type SealedSecret,
  seal,
  toBase64,
  unseal,
} from './crypto';
import type { KeyValueStore } from './ports';

/** What storage.local holds about the passphrase: never the passphrase or the key, only how to check it. */
export interface VaultMeta {
  version: 1;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: string;
  /** A known text sealed with the derived key: decrypting it proves a passphrase right. */
  check: SealedSecret;
}

export const VAULT_KEY = STORAGE_KEYS.vault;
export const DEVICE_KEY = STORAGE_KEYS.deviceKey;
/** In storage.session (memory only): the unlocked key, written once per unlock. */
export const UNLOCKED_KEY = STORAGE_KEYS.vaultUnlocked;
/**
 * When the key was last used, apart from the key: every extension page receives each storage write in
 * `storage.onChanged`, so a use must not write the key again. Pages follow the vault's state through this.
 */
export const LAST_USED_KEY = STORAGE_KEYS.vaultLastUsed;
const CHECK_TEXT = 'webmail-launcher vault check';

interface Unlocked {
  key: string;
}

export const lockedError = () => new LauncherError('locked', msg('error_locked'));
export const wrongPassphrase = () => new LauncherError('wrong_passphrase', msg('error_wrong_passphrase'));

/**
 * The key that seals tokens: a random device key when no passphrase is set, otherwise a key derived from the
 * passphrase that lives only in memory (storage.session) while unlocked and is dropped after `idleMs`.
 */
export class Keyring {
  #deviceKey: Promise<CryptoKey> | undefined;

  constructor(
    private readonly local: KeyValueStore,
    private readonly session: KeyValueStore,
    private readonly now: () => number = Date.now,
    private readonly idleMs: () => Promise<number> = async () => DEFAULT_AUTO_LOCK_MINUTES * 60_000,
    readonly iterations: number = PBKDF2_ITERATIONS,
  ) {}

  async status(): Promise<{ enabled: boolean; locked: boolean }> {
    if (!(await this.meta())) return { enabled: false, locked: false };
    return { enabled: true, locked: (await this.unlockedKey(false)) === undefined };
  }

  async meta(): Promise<VaultMeta | undefined> {
    // null is how a removed vault is written (in the same operation as the re-sealed tokens).
    return (await this.local.get<VaultMeta | null>(VAULT_KEY)) ?? undefined;
  }

  /** The current sealing key; `locked` when a passphrase is set and not unlocked. */
  async key(): Promise<CryptoKey> {
    if (!(await this.meta())) return this.deviceKey();
    const key = await this.unlockedKey(true);
    if (!key) throw lockedError();
    return key;
  }

  async seal(plaintext: string): Promise<SealedSecret> {
    return seal(await this.key(), plaintext);
  }

  async unseal(sealed: SealedSecret): Promise<string> {
    return unseal(await this.key(), sealed);
  }

  /** Derives a new vault key and its metadata (nothing is stored here). */
  async newVault(passphrase: string): Promise<{ key: CryptoKey; meta: VaultMeta }> {
    const salt = randomBytes(16);
    const key = await deriveKey(passphrase, salt, this.iterations);
    const meta: VaultMeta = {
      version: 1,
      kdf: 'PBKDF2-SHA-256',
      iterations: this.iterations,
      salt: toBase64(salt),
      check: await seal(key, CHECK_TEXT),
    };
    return { key, meta };
  }

  /** The vault key for `passphrase`, or `wrong_passphrase`. */
  async verify(passphrase: string): Promise<CryptoKey> {
    const meta = await this.meta();
    if (!meta) throw new LauncherError('bad_input', msg('error_no_passphrase'));
    const key = await deriveKey(passphrase, fromBase64(meta.salt), meta.iterations);
    const check = await unseal(key, meta.check).catch(() => undefined);
    if (check !== CHECK_TEXT) throw wrongPassphrase();
    return key;
  }

  async remember(key: CryptoKey): Promise<void> {
    await this.session.setMany({
      [UNLOCKED_KEY]: { key: await exportAesKey(key) } satisfies Unlocked,
      [LAST_USED_KEY]: this.now(),
    });
  }

  async lock(): Promise<void> {
    await this.session.remove(UNLOCKED_KEY);
    await this.session.remove(LAST_USED_KEY);
  }

  /** A new random device key (stored by the caller together with the tokens it seals). */
  async newDeviceKey(): Promise<{ key: CryptoKey; raw: string }> {
    const raw = randomBytes(32);
    return { key: await importAesKey(raw), raw: toBase64(raw) };
  }

  /** The device key, made on first use; one promise, so two first uses cannot make two keys. */
  deviceKey(): Promise<CryptoKey> {
    this.#deviceKey ??= this.loadDeviceKey();
    this.#deviceKey.catch(() => this.forgetDeviceKey());
    return this.#deviceKey;
  }

  /** Called after the device key in storage was replaced or removed. */
  forgetDeviceKey(): void {
    this.#deviceKey = undefined;
  }

  private async loadDeviceKey(): Promise<CryptoKey> {
    const stored = await this.local.get<string>(DEVICE_KEY);
    if (stored) return importAesKey(fromBase64(stored));
    const { key, raw } = await this.newDeviceKey();
    await this.local.set(DEVICE_KEY, raw);
    return key;
  }

  /** Locks the vault when it sat unused for longer than the idle time. */
  async lockIfIdle(): Promise<void> {
    await this.unlockedKey(false);
  }

  private async unlockedKey(touch: boolean): Promise<CryptoKey | undefined> {
    const unlocked = await this.session.get<Unlocked>(UNLOCKED_KEY);
    if (!unlocked) return undefined;
    const lastUsed = (await this.session.get<number>(LAST_USED_KEY)) ?? 0;
    if (this.now() - lastUsed > (await this.idleMs())) {
      await this.lock();
      return undefined;
    }
    if (touch) await this.session.set(LAST_USED_KEY, this.now());
    return importAesKey(fromBase64(unlocked.key));
  }
}
