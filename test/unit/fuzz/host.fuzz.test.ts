// Property-based: a host name passes isValidHost only if the URL parser gives back exactly that name, and
// the login builders and the account checks answer a number-like name with their own error code, never
// with the TypeError `new URL` throws for names such as `a.0x1`.
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { accountInputSchema } from '../../../src/core/accountInput';
import { managedAccounts } from '../../../src/core/managed';
import { isValidHost } from '../../../src/cpanel/host';
import { webmailLoginRequest } from '../../../src/cpanel/login';
import { whmLoginRequest } from '../../../src/cpanel/whmSession';
import { anyHost, numericHost, validSession, validToken } from './arbitraries';
import { assertInvalidResponse, assertSafeLogin } from './validate';

const RUNS = 5_000;
const hosts = fc.oneof(numericHost, anyHost);

/** What `new URL` makes of the name, or undefined when it refuses it. */
function parsedHostname(host: string): string | undefined {
  try {
    return new URL(`https://${host}/`).hostname;
  } catch {
    return undefined;
  }
}

describe('isValidHost and the URL parser', () => {
  it(`accepts a name only when the URL parser keeps it as it is (${RUNS} names)`, () => {
    fc.assert(
      fc.property(hosts, (host) => {
        if (isValidHost(host)) expect(parsedHostname(host)).toBe(host.toLowerCase());
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses every name whose last label is a number in any base', () => {
    fc.assert(
      fc.property(numericHost, (host) => {
        const parsed = parsedHostname(host);
        // Dotted-decimal IPv4 is the one numeric form that survives parsing unchanged.
        if (parsed !== host.toLowerCase()) expect(isValidHost(host)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('builders and inputs under number-like names', () => {
  const data = (hostname: string | null) => ({
    hostname,
    session: 'u:AbCdEfGh12345678:X,00ff',
    token: '/cpsess1',
  });

  it('webmailLoginRequest answers a safe request for the named host or invalid_response', () => {
    fc.assert(
      fc.property(numericHost, fc.boolean(), validToken, validSession, (host, fromServer, token, session) => {
        const answer = { ...data(fromServer ? host : null), token, session };
        const serverHost = fromServer ? 'server.example.com' : host;
        let result: unknown;
        try {
          result = webmailLoginRequest(answer, serverHost);
        } catch (error) {
          assertInvalidResponse(error, [session]);
          return;
        }
        assertSafeLogin(result, { hosts: [host.toLowerCase()], port: 2096, token, session });
      }),
      { numRuns: RUNS },
    );
  });

  it('the WHM builder never names a host the URL parser rewrote', () => {
    fc.assert(
      fc.property(numericHost, (host) => {
        const answer = {
          cp_security_token: '/cpsess1',
          expires: 1,
          service: 'cpaneld',
          session: 'root:AbCdEfGh12345678:X,00ff',
          url: `https://${host}:2083/cpsess1/login/?session=x`,
        };
        let result: unknown;
        try {
          result = whmLoginRequest(answer, host);
        } catch (error) {
          assertInvalidResponse(error, []);
          return;
        }
        assertSafeLogin(result, {
          hosts: [host.toLowerCase()],
          port: 2083,
          token: '/cpsess1',
          session: answer.session,
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('account and policy input refuse what the URL parser would rewrite', () => {
    fc.assert(
      fc.property(numericHost, (host) => {
        const rewritten = parsedHostname(host) !== host.toLowerCase();
        const input = { kind: 'cpanel', host, username: 'u', token: 'A'.repeat(32) };
        expect(v.safeParse(accountInputSchema, input).success).toBe(!rewritten);
        expect(managedAccounts({ accounts: [input] })).toHaveLength(rewritten ? 0 : 1);
      }),
      { numRuns: RUNS },
    );
  });
});
