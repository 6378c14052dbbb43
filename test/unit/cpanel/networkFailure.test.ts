import { describe, expect, it } from 'vitest';
import { networkFailure } from '../../../src/cpanel/networkFailure';

const origin = 'https://server.example.com:2083';

describe('networkFailure', () => {
  it.each([
    ['net::ERR_CERT_AUTHORITY_INVALID', 'tls', 'error_tls'],
    ['SEC_ERROR_UNKNOWN_ISSUER', 'tls', 'error_tls'],
    ['net::ERR_NAME_NOT_RESOLVED', 'network', 'error_dns'],
    ['NS_ERROR_UNKNOWN_HOST', 'network', 'error_dns'],
    ['net::ERR_CONNECTION_REFUSED', 'network', 'error_refused'],
    ['NS_ERROR_CONNECTION_REFUSED', 'network', 'error_refused'],
    ['NS_ERROR_NET_RESET', 'network', 'error_refused'],
    ['net::ERR_CONNECTION_RESET', 'network', 'error_refused'],
    ['net::ERR_ADDRESS_UNREACHABLE', 'network', 'error_refused'],
    ['net::ERR_CONNECTION_CLOSED', 'network', 'error_refused'],
    ['net::ERR_TIMED_OUT', 'timeout', 'error_no_answer_in_time'],
    ['NS_ERROR_NET_TIMEOUT', 'timeout', 'error_no_answer_in_time'],
    ['net::ERR_FAILED', 'network', 'error_unreachable'],
    [undefined, 'network', 'error_unreachable'],
  ])('reads %s as %s (%s)', (name, code, key) => {
    const error = networkFailure(origin, name);
    expect(error.code).toBe(code);
    expect(error.key).toBe(key);
    expect(error.args).toEqual([origin]);
  });
});
