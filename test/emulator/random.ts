// Random identifiers in cPanel's formats.
import { randomBytes, randomInt } from 'node:crypto';
import type { SessionTag } from './types';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// 64 symbols ('_' twice), so `byte & 63` picks one without modulo bias.
const SESSION_CHARS = `${ALNUM}__`;

export function randomAlnum(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALNUM[randomInt(ALNUM.length)];
  return out;
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** '/cpsess' + 10 digits, first digit non-zero. */
export function newSecurityToken(): string {
  return `/cpsess${randomInt(1, 10)}${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
}

/** USER:<16 of [A-Za-z0-9_]>:<TAG>,<32 lowercase hex> */
export function newSessionString(user: string, tag: SessionTag): string {
  const bytes = randomBytes(16);
  let middle = '';
  for (const b of bytes) middle += SESSION_CHARS[b & 63];
  return `${user}:${middle}:${tag},${randomHex(16)}`;
}
