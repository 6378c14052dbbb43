/** AES-GCM and PBKDF2 through WebCrypto, the same in the worker and in Node tests. */

/** A secret as it rests in storage: AES-GCM ciphertext with its own random IV. */
export interface SealedSecret {
  iv: string;
  data: string;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** Keys are extractable only so that an unlocked vault key can sit in memory-only session storage. */
export function importAesKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', true, ['encrypt', 'decrypt']);
}

export async function exportAesKey(key: CryptoKey): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

export async function deriveKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    true,
    ['encrypt', 'decrypt'],
  );
}

export async function seal(key: CryptoKey, plaintext: string, aad?: string): Promise<SealedSecret> {
  const iv = randomBytes(12);
  const data = await crypto.subtle.encrypt(gcm(iv, aad), key, new TextEncoder().encode(plaintext));
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/**
 * Throws (an OperationError) on a wrong key, tampered data or other additional data: GCM authenticates
 * what it decrypts, and `aad` with it.
 */
export async function unseal(key: CryptoKey, sealed: SealedSecret, aad?: string): Promise<string> {
  const plain = await crypto.subtle.decrypt(gcm(fromBase64(sealed.iv), aad), key, fromBase64(sealed.data));
  return new TextDecoder().decode(plain);
}

function gcm(iv: Uint8Array<ArrayBuffer>, aad: string | undefined): AesGcmParams {
  return aad === undefined
    ? { name: 'AES-GCM', iv }
    : { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(aad) };
}

/** Whether `text` is base64 that `fromBase64` reads (atob throws a DOMException otherwise). */
export function isBase64(text: string): boolean {
  return /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text);
}
