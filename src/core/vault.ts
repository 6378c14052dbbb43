import { LauncherError, msg } from '../cpanel/errors';
import { MIN_PASSPHRASE_LENGTH } from '../rules';
import { ACCOUNTS_KEY, type AccountRepository } from './accounts';
import { DEVICE_KEY, type Keyring, VAULT_KEY, wrongPassphrase } from './keyring';
import type { KeyValueStore } from './ports';

function checkNewPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new LauncherError('bad_input', msg('error_passphrase_short', MIN_PASSPHRASE_LENGTH));
  }
}

/**
 * The optional passphrase. Setting, changing or removing it re-seals every token and writes the new tokens
 * together with the new key material in one storage operation: it all lands, or nothing changes.
 */
export class Vault {
  constructor(
    private readonly local: KeyValueStore,
    private readonly keyring: Keyring,
    private readonly accounts: AccountRepository,
  ) {}

  status() {
    return this.keyring.status();
  }

  async enable(passphrase: string): Promise<void> {
    checkNewPassphrase(passphrase);
    await this.accounts.exclusive(async () => {
      if (await this.keyring.meta()) throw new LauncherError('bad_input', msg('error_passphrase_exists'));
      const from = await this.keyring.deviceKey();
      const { key, meta } = await this.keyring.newVault(passphrase);
      // Copies sealed with the device key may linger in the browser's append-only files: say so per account.
      const record = await this.accounts.resealed(from, key, true);
      // The device key seals nothing any more: overwritten in the same write (null), not left behind.
      await this.local.setMany({ [ACCOUNTS_KEY]: record, [VAULT_KEY]: meta, [DEVICE_KEY]: null });
      this.keyring.forgetDeviceKey();
      await this.keyring.remember(key);
    });
  }

  async change(passphrase: string, newPassphrase: string): Promise<void> {
    checkNewPassphrase(newPassphrase);
    await this.accounts.exclusive(async () => {
      const from = await this.keyring.verify(passphrase);
      const { key, meta } = await this.keyring.newVault(newPassphrase);
      const record = await this.accounts.resealed(from, key);
      await this.local.setMany({ [ACCOUNTS_KEY]: record, [VAULT_KEY]: meta });
      await this.keyring.remember(key);
    });
  }

  async disable(passphrase: string): Promise<void> {
    await this.accounts.exclusive(async () => {
      const from = await this.keyring.verify(passphrase);
      const device = await this.keyring.newDeviceKey();
      const record = await this.accounts.resealed(from, device.key, false);
      await this.local.setMany({ [ACCOUNTS_KEY]: record, [DEVICE_KEY]: device.raw, [VAULT_KEY]: null });
      this.keyring.forgetDeviceKey();
      await this.keyring.lock();
    });
  }

  async unlock(passphrase: string): Promise<void> {
    if (!(await this.keyring.meta())) return;
    await this.keyring.remember(
      await this.keyring.verify(passphrase).catch((error) => {
        throw error instanceof LauncherError ? error : wrongPassphrase();
      }),
    );
  }

  lock(): Promise<void> {
    return this.keyring.lock();
  }

  /**
   * Proves the user knows the passphrase, when one is set, before tokens leave in another form (an
   * export): an unlocked browser left alone must not be enough. Without a passphrase there is none to ask.
   */
  async confirm(passphrase: string | undefined): Promise<void> {
    if (!(await this.keyring.meta())) return;
    if (!passphrase) throw new LauncherError('bad_input', msg('error_security_export_needs_passphrase'));
    await this.keyring.verify(passphrase).catch((error) => {
      throw error instanceof LauncherError ? error : wrongPassphrase();
    });
  }
}
