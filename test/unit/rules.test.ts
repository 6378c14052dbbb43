import { describe, expect, it } from 'vitest';
import {
  API_TOKEN_PATTERN,
  LOCALE_PATTERN,
  SECURITY_TOKEN_PATTERN,
  STORAGE_KEYS,
  USERNAME_PATTERN,
} from '../../src/rules';

describe('rules', () => {
  it.each([
    [USERNAME_PATTERN, ['demo', 'Demo1', 'a.b-c_d', 'x'.repeat(64)], ['', '-demo', 'de mo', 'x'.repeat(65)]],
    [
      API_TOKEN_PATTERN,
      ['0123456789ABCDEFGHIJKLMNOPQRSTUV'],
      ['0123456789abcdefghijklmnopqrstuv', 'A'.repeat(31)],
    ],
    [LOCALE_PATTERN, ['en', 'pt_br', 'zh_tw', 'ast'], ['', 'pt-BR', 'PT_br', 'e', 'en_']],
    [
      SECURITY_TOKEN_PATTERN,
      ['/cpsess0', '/cpsess2462418786'],
      ['cpsess1', '/cpsess', '/cpsess1/login', '/CPSESS1'],
    ],
  ])('%s accepts %j and refuses %j', (pattern, good, bad) => {
    for (const text of good) expect(pattern.test(text), text).toBe(true);
    for (const text of bad) expect(pattern.test(text), text).toBe(false);
  });

  it('names every storage key once', () => {
    const keys = Object.values(STORAGE_KEYS);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
