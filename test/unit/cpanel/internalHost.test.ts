import { describe, expect, it } from 'vitest';
import { isInternalHost } from '../../../src/cpanel/internalHost';
import { webmailLoginRequest } from '../../../src/cpanel/login';

const data = (hostname: string | null) => ({ hostname, session: 'u:abc:T,0123', token: '/cpsess1234567890' });

describe('isInternalHost', () => {
  it.each([
    '127.0.0.1',
    '127.9.9.9',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '0.0.0.0',
    'localhost',
    'db.localhost',
    '[::1]',
    '[::]',
    '[fe80::1]',
    '[fc00::1]',
    '[fd12:3456::1]',
    '[::ffff:127.0.0.1]',
    '[::ffff:10.1.2.3]',
  ])('%s is internal', (host) => {
    expect(isInternalHost(host)).toBe(true);
  });

  it.each([
    'example.com',
    '203.0.113.7',
    '172.32.0.1',
    '172.15.0.1',
    '192.169.0.1',
    '11.0.0.1',
    '[2001:db8::1]',
    '[::ffff:8.8.8.8]',
    'localhost.example.com',
  ])('%s is not', (host) => {
    expect(isInternalHost(host)).toBe(false);
  });
});

describe('webmailLoginRequest with a server-chosen hostname', () => {
  it.each(['127.0.0.1', '10.0.0.5', '192.168.1.1', '169.254.1.1', 'localhost', '[::1]', '[fe80::2]'])(
    'refuses hostname %s for an account on a public name',
    (hostname) => {
      expect(() => webmailLoginRequest(data(hostname), 'server.example.com')).toThrow(
        expect.objectContaining({ code: 'invalid_response' }),
      );
    },
  );

  it('takes an internal hostname when the account’s own host is internal', () => {
    expect(webmailLoginRequest(data('192.168.1.20'), '192.168.1.10').url).toBe(
      'https://192.168.1.20:2096/cpsess1234567890/login',
    );
    expect(webmailLoginRequest(data('mail.example.com'), '10.0.0.1').url).toBe(
      'https://mail.example.com:2096/cpsess1234567890/login',
    );
  });

  it('keeps a public hostname and a null one as before', () => {
    expect(webmailLoginRequest(data('mail.example.com'), 'server.example.com').url).toBe(
      'https://mail.example.com:2096/cpsess1234567890/login',
    );
    expect(webmailLoginRequest(data(null), '127.0.0.1').url).toBe(
      'https://127.0.0.1:2096/cpsess1234567890/login',
    );
  });
});
