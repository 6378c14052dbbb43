// Property-based: the login builders get ≥ 100,000 generated server answers per `npm test`. Every result must
// be a safe {url, session} (https, a valid host someone named, the service port, /cpsessN/login, the session
// untouched and never in the URL) or an invalid_response error; nothing else may come out, not even a
// TypeError from a value of the wrong type.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { LOGIN_PORTS, proxiedWebmailLoginRequest, webmailLoginRequest } from '../../../src/cpanel/login';
import { SERVICE_PORT, whmLoginRequest } from '../../../src/cpanel/whmSession';
import { anyHost, anyPort, validHost, validSession, validToken, webmailData, whmData } from './arbitraries';
import { assertInvalidResponse, assertSafeLogin } from './validate';

const FULL_RUNS = {
  webmail: 30_000,
  webmailPorts: 10_000,
  webmailHosts: 20_000,
  proxied: 10_000,
  whm: 30_000,
};
/** `npm run check` (the edit-test loop) sets FUZZ_RUNS=quick: 1% of the answers; `npm test` runs them all. */
const QUICK = process.env.FUZZ_RUNS === 'quick';
const RUNS = Object.fromEntries(
  Object.entries(FULL_RUNS).map(([name, runs]) => [name, QUICK ? runs / 100 : runs]),
) as typeof FULL_RUNS;
const TIMEOUT_MS = 60_000;

/** Accepted and rejected counts per property: both paths must really be exercised. */
const outcomes = new Map<string, { accepted: number; rejected: number }>();

function judge(
  name: string,
  build: () => unknown,
  expected: () => Parameters<typeof assertSafeLogin>[1],
  secrets: unknown[],
) {
  const tally = outcomes.get(name) ?? { accepted: 0, rejected: 0 };
  outcomes.set(name, tally);
  let result: unknown;
  try {
    result = build();
  } catch (error) {
    tally.rejected += 1;
    assertInvalidResponse(error, secrets);
    return;
  }
  tally.accepted += 1;
  assertSafeLogin(result, expected());
}

type Loose = Record<string, unknown>;
const field = (data: unknown, name: string): unknown =>
  typeof data === 'object' && data !== null ? (data as Loose)[name] : undefined;
const lower = (value: unknown): string => (typeof value === 'string' ? value.toLowerCase() : '');

/** webmailLoginRequest uses `hostname` when it is a non-empty string, else the host that answered. */
function webmailHost(data: unknown, serverHost: string): string {
  const hostname = field(data, 'hostname');
  return lower(typeof hostname === 'string' && hostname !== '' ? hostname : serverHost);
}

describe('cases the fuzzer found, kept as examples', () => {
  // Grammatical DNS labels, but "xn--" promises punycode that does not decode: URL parsers reject the
  // host, so the login URL could never be opened. The builder must refuse it like any other unsafe host.
  it.each(['xn--example.com', 'xn--bcher-kvaexample.com'])('refuses the host %s', (host) => {
    const data = { hostname: null, session: 'demo:AbCdEfGh12345678:X,0123456789abcdef', token: '/cpsess1' };
    expect(() => webmailLoginRequest(data, host)).toThrow(
      expect.objectContaining({ code: 'invalid_response' }),
    );
    expect(() => webmailLoginRequest({ ...data, hostname: host }, 'example.com')).toThrow(
      expect.objectContaining({ code: 'invalid_response' }),
    );
  });
});

describe('webmailLoginRequest under generated answers', () => {
  it(`accepts only safe requests (${RUNS.webmail} answers, default port 2096)`, {
    timeout: TIMEOUT_MS,
  }, () => {
    fc.assert(
      fc.property(webmailData, anyHost, (data, serverHost) => {
        judge(
          'webmail',
          () => webmailLoginRequest(data, serverHost),
          () => ({
            hosts: [webmailHost(data, serverHost)],
            port: 2096,
            token: field(data, 'token') as string,
            session: field(data, 'session') as string,
          }),
          [field(data, 'session')],
        );
      }),
      { numRuns: RUNS.webmail },
    );
  });

  it(`opens only sign-in ports (${RUNS.webmailPorts} answers with any port)`, { timeout: TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(webmailData, anyHost, anyPort, (data, serverHost, port) => {
        judge(
          'webmailPorts',
          () => webmailLoginRequest(data, serverHost, port),
          () => {
            expect(LOGIN_PORTS).toContain(port);
            return {
              hosts: [webmailHost(data, serverHost)],
              port,
              token: field(data, 'token') as string,
              session: field(data, 'session') as string,
            };
          },
          [field(data, 'session')],
        );
      }),
      { numRuns: RUNS.webmailPorts },
    );
  });

  it(`checks every host it is given (${RUNS.webmailHosts} otherwise valid answers)`, {
    timeout: TIMEOUT_MS,
  }, () => {
    const data = fc.record({
      hostname: fc.oneof(fc.constant(null), fc.constant(''), anyHost),
      session: validSession,
      token: validToken,
    });
    fc.assert(
      fc.property(data, anyHost, (answer, serverHost) => {
        judge(
          'webmailHosts',
          () => webmailLoginRequest(answer, serverHost),
          () => ({
            hosts: [webmailHost(answer, serverHost)],
            port: 2096,
            token: answer.token,
            session: answer.session,
          }),
          [answer.session],
        );
      }),
      { numRuns: RUNS.webmailHosts },
    );
  });
});

describe('proxiedWebmailLoginRequest under generated answers', () => {
  it(`always names the proxy host on 443 (${RUNS.proxied} answers)`, { timeout: TIMEOUT_MS }, () => {
    const proxyHost = fc.oneof(
      validHost.map((host) => `webmail.${host.replace(/^\[.*\]$/, 'example.com')}`),
      anyHost,
    );
    fc.assert(
      fc.property(webmailData, proxyHost, (data, host) => {
        judge(
          'proxied',
          () => proxiedWebmailLoginRequest(data, host),
          () => ({
            hosts: [lower(host)],
            port: 443,
            token: field(data, 'token') as string,
            session: field(data, 'session') as string,
          }),
          [field(data, 'session')],
        );
      }),
      { numRuns: RUNS.proxied },
    );
  });
});

describe('the WHM session builder under generated answers', () => {
  /** The host of `data.url` as a URL parser reads it, if it parses at all. */
  function urlHost(data: unknown): string[] {
    try {
      return [new URL(String(field(data, 'url'))).hostname];
    } catch {
      return [];
    }
  }

  it(`accepts only safe requests on the service's port (${RUNS.whm} answers)`, {
    timeout: TIMEOUT_MS,
  }, () => {
    fc.assert(
      fc.property(whmData, anyHost, (data, serverHost) => {
        judge(
          'whm',
          () => whmLoginRequest(data, serverHost),
          () => {
            const service = field(data, 'service') as keyof typeof SERVICE_PORT;
            const token = String(field(data, 'cp_security_token'));
            return {
              hosts: [lower(serverHost), ...urlHost(data)],
              port: SERVICE_PORT[service],
              token: token.startsWith('/') ? token : `/${token}`,
              session: field(data, 'session') as string,
            };
          },
          [field(data, 'session')],
        );
      }),
      { numRuns: RUNS.whm },
    );
  });
});

afterAll(() => {
  const total = Object.values(FULL_RUNS).reduce((sum, runs) => sum + runs, 0);
  expect(total).toBeGreaterThanOrEqual(100_000);
  // A generator that only ever produced garbage (or only valid answers) would prove nothing.
  for (const [name, { accepted, rejected }] of outcomes) {
    const share = accepted / (accepted + rejected);
    expect(share, `${name}: share of accepted answers`).toBeGreaterThan(0.05);
    expect(share, `${name}: share of accepted answers`).toBeLessThan(0.95);
  }
});
