import type { KeyValueStore } from './ports';

/** A secret as it rests in storage: AES-GCM ciphertext with its own random IV. */
export interface SealedSecret {
  iv: string;
  data: string;
}

const DEVICE_KEY = 'deviceKey';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Seals tokens with a random per-install key so that no token is ever written to storage in plaintext
 * (browser storage is append-only on disk: an overwritten value can linger). A passphrase vault can later
 * replace the device key with a derived one without changing callers.
 */
export class TokenSealer {
  #key: Promise<CryptoKey> | undefined;

  constructor(private readonly store: KeyValueStore) {}

  async seal(plaintext: string): Promise<SealedSecret> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv },
      await this.key(),
      new TextEncoder().encode(plaintext),
    );
    return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
  }

  async unseal(sealed: SealedSecret): Promise<string> {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv) },
      await this.key(),
      fromBase64(sealed.data),
    );
    return new TextDecoder().decode(plain);
  }

  private key(): Promise<CryptoKey> {
    this.#key ??= this.loadOrCreateKey();
    // A failed load must not poison every later call.
    this.#key.catch(() => {
      this.#key = undefined;
    });
    return this.#key;
  }

  private async loadOrCreateKey(): Promise<CryptoKey> {
    const stored = await this.store.get<string>(DEVICE_KEY);
    const raw = stored ? fromBase64(stored) : crypto.getRandomValues(new Uint8Array(32));
    if (!stored) await this.store.set(DEVICE_KEY, toBase64(raw));
    return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  }
}
