import { describe, expect, it } from 'vitest';
import { loginRequest, webmailLoginRequest } from '../../../src/cpanel/login';
import { uapiExample } from '../../support/vendorExamples';

const SESSION = 'u:D7NiAZv1nf4bXeg9:CREATE_WEBMAIL_SESSION_FOR_SELF,728fb86a7df1cf20690c65f349ac3137';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('webmailLoginRequest', () => {
  it('uses the server host when hostname is null (the documented example)', () => {
    expect(
      webmailLoginRequest(
        { hostname: null, token: '/cpsess2462418786', session: SESSION },
        'server.example.com',
      ),
    ).toEqual({ url: 'https://server.example.com:2096/cpsess2462418786/login', session: SESSION });
  });

  it('uses the returned hostname when there is one', () => {
    const data = uapiExample('Session::create_webmail_session_for_self').data;
    expect(webmailLoginRequest(data, 'server.example.com')).toEqual({
      url: 'https://hostname.example.com:2096/cpsess2462418786/login',
      session: 'username:D7NiAZv1nf4bXeg9:CREATE_WEBMAIL_SESSION_FOR_SELF,728fb86a7df1cf20690c65f349ac3137',
    });
  });

  it('builds the URL for the documented for_mail_user example', () => {
    const data = uapiExample('Session::create_webmail_session_for_mail_user').data;
    expect(webmailLoginRequest(data, '127.0.0.1').url).toBe('https://127.0.0.1:2096/cpsess2462418786/login');
  });

  it('lower-cases the host and honours another service port', () => {
    const data = { hostname: 'Mail.Example.COM', token: '/cpsess1', session: SESSION };
    expect(webmailLoginRequest(data, 'x.example.com', 2083).url).toBe(
      'https://mail.example.com:2083/cpsess1/login',
    );
  });

  it('omits the port for service subdomains on 443', () => {
    const data = { hostname: 'webmail.example.com', token: '/cpsess1234567890', session: SESSION };
    expect(webmailLoginRequest(data, 'cpanel.example.com', 443).url).toBe(
      'https://webmail.example.com/cpsess1234567890/login',
    );
  });

  it.each([
    ['a token without cpsess', { hostname: null, token: '/session123', session: SESSION }],
    ['a token with a path', { hostname: null, token: '/cpsess123/../x', session: SESSION }],
    ['a token without digits', { hostname: null, token: '/cpsess', session: SESSION }],
    ['a host with userinfo', { hostname: 'evil.com@good.com', token: '/cpsess1', session: SESSION }],
    ['a host with a path', { hostname: 'evil.com/x', token: '/cpsess1', session: SESSION }],
    ['a host with a port', { hostname: 'evil.com:443', token: '/cpsess1', session: SESSION }],
    ['a host with spaces', { hostname: 'evil .com', token: '/cpsess1', session: SESSION }],
    ['an empty session', { hostname: null, token: '/cpsess1', session: '' }],
    ['a session with a newline', { hostname: null, token: '/cpsess1', session: 'a\nb' }],
    ['a numeric session', { hostname: null, token: '/cpsess1', session: 42 }],
    ['a missing token', { hostname: null, session: SESSION }],
    ['null data', null],
    ['a string', 'https://evil.com/cpsess1/login'],
  ])('rejects %s as invalid_response', (_name, data) => {
    expect(codeOf(() => webmailLoginRequest(data, 'server.example.com'))).toBe('invalid_response');
  });

  it('rejects an unsafe server host even when hostname is null', () => {
    expect(
      codeOf(() => webmailLoginRequest({ hostname: null, token: '/cpsess1', session: SESSION }, 'a b')),
    ).toBe('invalid_response');
  });

  it('throws an Error instance carrying the code', () => {
    expect(() => webmailLoginRequest({}, 'server.example.com')).toThrow(Error);
  });
});

describe('loginRequest', () => {
  it('refuses ports that are not sign-in ports', () => {
    expect(codeOf(() => loginRequest('server.example.com', 8080, '/cpsess1', SESSION))).toBe(
      'invalid_response',
    );
  });

  it('accepts an IPv6 literal', () => {
    expect(loginRequest('[::1]', 2096, '/cpsess1', SESSION).url).toBe('https://[::1]:2096/cpsess1/login');
  });
});
