import type { OriginTrust } from '../cpanel/transport';
import { STORAGE_KEYS } from '../rules';
import type { KeyValueStore } from './ports';

/** In storage.local: the origins whose certificate the browser once verified (no secret, only origins). */
export const TRUSTED_ORIGINS_KEY = STORAGE_KEYS.trustedOrigins;
const MAX_ORIGINS = 500;

/**
 * Remembers, per origin, that an HTTPS answer arrived: the browser verified the certificate then. A later
 * "untrusted certificate" from such a server is not a self-signed setup to accept but a changed
 * certificate, maybe someone in between, and the advice must never be to accept it.
 */
export class TrustedOrigins implements OriginTrust {
  #known: Promise<Set<string>> | undefined;

  constructor(private readonly store: KeyValueStore) {}

  async once(origin: string): Promise<boolean> {
    return (await this.load()).has(origin);
  }

  async remember(origin: string): Promise<void> {
    const known = await this.load();
    if (known.has(origin)) return;
    known.add(origin);
    await this.store.set(TRUSTED_ORIGINS_KEY, [...known].slice(-MAX_ORIGINS));
  }

  private load(): Promise<Set<string>> {
    this.#known ??= this.store.get<string[]>(TRUSTED_ORIGINS_KEY).then((list) => new Set(list ?? []));
    return this.#known;
  }
}
