import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/core/memoryStore';
import { TRUSTED_ORIGINS_KEY, TrustedOrigins } from '../../../src/core/trustedOrigins';
import type { Credentials } from '../../../src/cpanel/credentials';
import { getJson } from '../../../src/cpanel/transport';
import { adviceFor } from '../../../src/presentation/errorAdvice';
import { fakeFetch, jsonResponse } from '../../support/fakeFetch';
import { TEST_TOKEN } from '../../support/tokens';

const demo: Credentials = {
  kind: 'cpanel',
  host: 'server.example.com',
  port: 2083,
  username: 'demo',
  token: TEST_TOKEN,
};
const ORIGIN = 'https://server.example.com:2083';

/** A transport whose fetch answers until `broken` is set, then fails as an untrusted certificate does. */
function setup() {
  const store = new MemoryStore();
  const trust = new TrustedOrigins(store);
  const state = { broken: false };
  const { fetch } = fakeFetch(() => {
    if (state.broken) throw new TypeError('Failed to fetch');
    return jsonResponse({ status: 1, data: [] });
  });
  const options = {
    fetch,
    trust,
    explainNetworkError: async () => 'net::ERR_CERT_AUTHORITY_INVALID',
  };
  return { store, trust, state, call: () => getJson(demo, '/execute/Email/list_pops', {}, options) };
}

describe('an untrusted certificate', () => {
  it('on a server never reached: explained, with the way to open the server and check it', async () => {
    const { state, call } = setup();
    state.broken = true;
    const error = await call().catch((failure: unknown) => failure);
    expect(error).toMatchObject({ code: 'tls', key: 'error_tls', origin: ORIGIN });
    expect(adviceFor(error)).toEqual({ advice: 'advice_tls', action: 'openServer' });
  });

  it('on a server whose certificate verified before: never a suggestion to accept it', async () => {
    const { store, state, call } = setup();
    await call();
    expect(await store.get(TRUSTED_ORIGINS_KEY)).toEqual([ORIGIN]);
    state.broken = true;
    const error = await call().catch((failure: unknown) => failure);
    expect(error).toMatchObject({ code: 'tls', key: 'error_security_tls_was_trusted', origin: undefined });
    expect(adviceFor(error)).toEqual({ advice: 'advice_security_tls_was_trusted' });
  });

  it('is remembered per origin, across restarts, written once', async () => {
    const { store, call } = setup();
    let writes = 0;
    const set = store.set.bind(store);
    store.set = async (key, value) => {
      writes += 1;
      return set(key, value);
    };
    await call();
    await call();
    expect(writes).toBe(1);
    const later = new TrustedOrigins(store);
    expect(await later.once(ORIGIN)).toBe(true);
    expect(await later.once('https://server.example.com:2087')).toBe(false);
  });
});
