import { describe, expect, it } from 'vitest';
import { LauncherError } from '../../../src/cpanel/errors';
import {
  accountLocale,
  isLocaleRefusal,
  STOCK_LOCALES,
  stockLocale,
  withLocaleFallback,
} from '../../../src/cpanel/locale';
import { STOCK_LOCALES as EMULATOR_LOCALES } from '../../emulator';

// Cpanel/Admin/Modules/Cpanel/session_call.pm, with the name the server was given.
const refusal = (name: string) =>
  new LauncherError('api_error', `“${name}” does not refer to any of this system’s locales.`);

describe('stockLocale', () => {
  it('knows exactly the locales of a stock server (the emulator’s list, read from Cpanel/Locale/*.pm)', () => {
    expect([...STOCK_LOCALES].sort()).toEqual([...EMULATOR_LOCALES].sort());
    expect(STOCK_LOCALES.size).toBe(33);
    expect(STOCK_LOCALES.has('i_cpanel_snowmen')).toBe(false);
  });

  it.each([
    ['en-GB', 'en'],
    ['en_gb', 'en'],
    ['en-US', 'en'],
    ['EN', 'en'],
    ['zh-CN', 'zh'],
    ['zh-Hans-CN', 'zh'],
    ['zh-SG', 'zh'],
    ['zh-TW', 'zh_tw'],
    ['zh-HK', 'zh_tw'],
    ['zh-Hant', 'zh_tw'],
    ['pt-BR', 'pt_br'],
    ['pt-PT', 'pt'],
    ['es-419', 'es_419'],
    ['es-MX', 'es_419'],
    ['es-ES', 'es_es'],
    ['es', 'es'],
    ['de-CH', 'de'],
    ['nb-NO', 'nb'],
    ['no', 'nb'],
    ['nn', 'nb'],
    ['tl', 'fil'],
    ['fil-PH', 'fil'],
    ['iw', 'he'],
    ['in', 'id'],
  ])('maps %s to %s', (tag, locale) => {
    expect(stockLocale(tag)).toBe(locale);
    expect(STOCK_LOCALES.has(locale)).toBe(true);
  });

  it.each(['sk', 'sk-SK', 'ca', 'bg', 'hr', 'x', '', undefined])('has nothing for %s', (tag) => {
    expect(stockLocale(tag)).toBeUndefined();
  });
});

describe('accountLocale', () => {
  it('maps a setting to an installed locale, else sends it as typed (the server may have more)', () => {
    expect(accountLocale('en_gb')).toBe('en');
    expect(accountLocale('zh-CN')).toBe('zh');
    expect(accountLocale('pt_br')).toBe('pt_br');
    expect(accountLocale('sk')).toBe('sk');
    expect(accountLocale(undefined)).toBeUndefined();
    expect(accountLocale('')).toBeUndefined();
  });
});

describe('withLocaleFallback', () => {
  it('asks once more without the locale when the server refuses it', async () => {
    const asked: (string | undefined)[] = [];
    const result = await withLocaleFallback('sk', async (locale) => {
      asked.push(locale);
      if (locale) throw refusal(locale);
      return 'session';
    });
    expect(result).toBe('session');
    expect(asked).toEqual(['sk', undefined]);
  });

  it('passes every other failure through, and retries nothing without a locale', async () => {
    const other = new LauncherError('api_error', 'Session creation is not permitted.');
    let count = 0;
    await expect(
      withLocaleFallback('de', async () => {
        count += 1;
        throw other;
      }),
    ).rejects.toBe(other);
    expect(count).toBe(1);
    await expect(
      withLocaleFallback(undefined, async () => {
        count += 1;
        throw refusal('x');
      }),
    ).rejects.toMatchObject({ code: 'api_error' });
    expect(count).toBe(2);
  });

  it('recognises only the server’s api_error text', () => {
    expect(isLocaleRefusal(refusal('en_gb'))).toBe(true);
    expect(
      isLocaleRefusal(
        new LauncherError('invalid_response', 'does not refer to any of this system’s locales'),
      ),
    ).toBe(false);
    expect(isLocaleRefusal(new Error('“x” does not refer to any of this system’s locales.'))).toBe(false);
  });
});
