import { describe, expect, it, vi } from 'vitest';

// The router renders error text through browser.i18n, absent in Node: English from the catalogue.
vi.mock('webextension-polyfill', () => ({ default: {} }));

import { cpanelSessionHandlers } from '../../../src/background/handlers/cpanelSessions';
import type { Services } from '../../../src/background/handlers/index';
import { createRouter, type HandlerTable } from '../../../src/background/messages';
import { CpanelSessions } from '../../../src/core/cpanelSessions';
import { MemoryStore } from '../../../src/core/memoryStore';
import { routedFetch, uapiOk } from '../../support/routedFetch';

const LOGIN = { url: 'https://a.example.com:2083/cpsess5163408416/login', session: 'root:xyz,0123' };

function setup() {
  const { fetch, calls } = routedFetch({
    '/cpsess5163408416/execute/Session/create_temp_user': uapiOk({
      created: 1,
      session_temp_user: 'cpses_reviY3ZSQK',
    }),
  });
  return { calls, sessions: new CpanelSessions(new MemoryStore(), { fetch }) };
}

describe('the cpanelSessions messages', () => {
  const ORIGIN = 'chrome-extension://abc/';
  const popup = { id: 'abc', url: `${ORIGIN}src/popup/index.html` };

  async function route() {
    const { sessions, calls } = setup();
    await sessions.remember(7, 'acc1', 'demo', LOGIN);
    const table = cpanelSessionHandlers({ cpanelSessions: sessions } as unknown as Services);
    return {
      calls,
      router: createRouter(table as HandlerTable, { extensionId: 'abc', extensionOrigin: ORIGIN }),
    };
  }

  it('cpanelSessions.list answers the open sessions, without tokens', async () => {
    const { router } = await route();
    expect(await router({ type: 'cpanelSessions.list' }, popup)).toEqual({
      ok: true,
      sessions: [{ tabId: 7, accountId: 'acc1', user: 'demo' }],
    });
  });

  it('cpanelSession.tempUser answers the user, or a clear error', async () => {
    const { router } = await route();
    expect(await router({ type: 'cpanelSession.tempUser', tabId: 7 }, popup)).toEqual({
      ok: true,
      user: 'cpses_reviY3ZSQK',
    });
    expect(await router({ type: 'cpanelSession.tempUser', tabId: 8 }, popup)).toMatchObject({
      ok: false,
      error: { code: 'not_found', key: 'error_cpanel_session_gone' },
    });
  });

  it('refuses a malformed tab id', async () => {
    const { router, calls } = await route();
    for (const tabId of ['7', 7.5, undefined]) {
      expect(await router({ type: 'cpanelSession.tempUser', tabId }, popup)).toMatchObject({
        ok: false,
        error: { code: 'bad_input' },
      });
    }
    expect(calls).toHaveLength(0);
  });
});
