import type { HandlerTable } from '../messages';
import type { Services } from './services';

type VaultTypes =
  | 'vault.status'
  | 'vault.enable'
  | 'vault.disable'
  | 'vault.change'
  | 'vault.unlock'
  | 'vault.lock'
  | 'settings.get'
  | 'settings.set';

export function vaultHandlers(services: Services): Pick<HandlerTable, VaultTypes> {
  const { vault, settings, pending } = services;
  return {
    async 'vault.status'() {
      return vault.status();
    },
    async 'vault.enable'({ passphrase }) {
      await vault.enable(passphrase);
      await services.onUnlocked();
      return {};
    },
    async 'vault.disable'({ passphrase }) {
      await vault.disable(passphrase);
      return {};
    },
    async 'vault.change'({ passphrase, newPassphrase }) {
      await vault.change(passphrase, newPassphrase);
      await services.onUnlocked();
      return {};
    },
    async 'vault.unlock'({ passphrase }) {
      await vault.unlock(passphrase);
      await services.onUnlocked();
      // A shortcut or menu click that met the locked vault is carried out now, not lost.
      return { replayed: await pending.replay() };
    },
    async 'vault.lock'() {
      services.prepared?.clear();
      await vault.lock();
      return {};
    },
    async 'settings.get'() {
      return { settings: await settings.get() };
    },
    async 'settings.set'({ settings: changes }) {
      await settings.set(changes);
      if (changes.prepareSignIn === false) services.prepared?.clear();
      return {};
    },
  };
}
