import { describe, expect, it } from 'vitest';
import { isValidHost, normalizeHost, originPattern } from '../../../src/cpanel/host';

describe('isValidHost', () => {
  it.each([
    'server.example.com',
    'localhost',
    '127.0.0.1',
    'a-b.c',
    'xn--bcher-kva.example',
    '[::1]',
    'HOST.Example.com',
  ])('accepts %s', (host) => expect(isValidHost(host)).toBe(true));

  it.each([
    '',
    'a b.com',
    'evil.com@good.com',
    'host:2083',
    'host/path',
    '-lead.com',
    'trail-.com',
    'a..b',
    '256.1.1.1',
    '1.2.3',
    'bücher.example',
    '[::1',
    'x'.repeat(254),
  ])('rejects %j', (host) => expect(isValidHost(host)).toBe(false));
});

describe('normalizeHost', () => {
  it('strips a pasted scheme, port, path and trailing dot', () => {
    expect(normalizeHost('  https://Server.Example.com:2083/cpsess1/frontend ')).toBe('server.example.com');
    expect(normalizeHost('server.example.com.')).toBe('server.example.com');
  });
});

describe('originPattern', () => {
  it('has no port, so one grant covers every cPanel port', () => {
    expect(originPattern('server.example.com')).toBe('https://server.example.com/*');
  });
});
