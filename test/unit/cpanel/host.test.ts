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

  // URL parsers read a last label that is a number in any base as IPv4: the URL would name another host.
  it.each([
    '0x7f000001',
    '0x',
    '1.0x10',
    '0xffffffff',
    'a.0x1',
    'server.0x7f',
    '0177.0.0.1',
    '127.0.0.01',
    'example.010',
    '1.2.3.04',
  ])('rejects the number-like host %j', (host) => expect(isValidHost(host)).toBe(false));

  it.each(['0x.example.com', 'example.1a', 'example.x0', '0.example.com'])('accepts %j', (host) =>
    expect(isValidHost(host)).toBe(true),
  );
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
