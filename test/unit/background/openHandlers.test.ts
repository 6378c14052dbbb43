import { describe, expect, it, vi } from 'vitest';

// The router renders error text through browser.i18n, absent in Node: English from the catalogue.
vi.mock('webextension-polyfill', () => ({ default: {} }));

import type { Services } from '../../../src/background/handlers/index';
import { openHandlers } from '../../../src/background/handlers/open';
import { createRouter, type HandlerTable } from '../../../src/background/messages';
import { PreparedSessions } from '../../../src/core/prepared';
import { openersWorld } from '../../support/openersWorld';
import { uapiOk } from '../../support/routedFetch';

const ORIGIN = 'chrome-extension://abc/';
const popup = { id: 'abc', url: `${ORIGIN}src/popup/index.html` };
const LOGIN_URL = 'https://a.example.com:2096/cpsess1234567890/login';

async function setup() {
  let sessions = 0;
  const session = () =>
    uapiOk({ hostname: null, session: `u:abc:${++sessions},0123`, token: '/cpsess1234567890' });
  const prepared = new PreparedSessions();
  const { openers, launcher, recents, settings, tabs, calls, add } = openersWorld({
    routes: {
      '/execute/Session/create_webmail_session_for_self': session,
      '/execute/Session/create_webmail_session_for_mail_user': session,
      '/execute/Session/create_webmail_session_for_mail_user_check_password': session,
    },
    withSettings: true,
    deps: { prepared },
  });
  const services = { launcher, openers, recents, settings, prepared } as unknown as Services;
  const router = createRouter(openHandlers(services) as HandlerTable, {
    extensionId: 'abc',
    extensionOrigin: ORIGIN,
  });
  const id = await add();
  const send = (message: Record<string, unknown>) => router({ accountId: id, ...message }, popup);
  return { id, send, calls, opened: tabs.opened, recents, prepared, settings };
}

describe('webmail.open for a sender that posts the login itself', () => {
  it('answers a prepared session as its login request, with no tab and no API call, once', async () => {
    const { send, calls, opened, recents, id } = await setup();
    const target = { email: 'info@example.com' };
    expect(await send({ type: 'webmail.prepare', ...target })).toEqual({ ok: true });
    expect(calls).toHaveLength(1);

    const reply = await send({ type: 'webmail.open', ...target, acceptsLogin: true });
    expect(reply).toEqual({ ok: true, login: { url: LOGIN_URL, session: 'u:abc:1,0123' } });
    expect(calls).toHaveLength(1);
    expect(opened).toHaveLength(0);
    expect((await recents.read()).recent[0]).toEqual(expect.objectContaining({ accountId: id, ...target }));

    // Used up: the next click goes the usual way, launch tab and a new session.
    const again = await send({ type: 'webmail.open', ...target, acceptsLogin: true });
    expect(again).toMatchObject({ ok: true, tabId: 1 });
    expect(again).not.toHaveProperty('login');
    expect(calls).toHaveLength(2);
    expect(opened).toHaveLength(1);
  });

  it('opens the launch tab as before when nothing is prepared', async () => {
    const { send, calls, opened } = await setup();
    expect(await send({ type: 'webmail.open', acceptsLogin: true })).toEqual({ ok: true, tabId: 1 });
    expect(calls).toHaveLength(1);
    expect(opened).toHaveLength(1);
  });

  it('keeps a caller without the field on the launch tab, which uses the prepared session', async () => {
    const { send, calls, opened } = await setup();
    await send({ type: 'webmail.prepare' });
    expect(await send({ type: 'webmail.open' })).toEqual({ ok: true, tabId: 1 });
    expect(calls).toHaveLength(1);
    expect(opened).toHaveLength(1);
  });

  it('keeps the target apart: a prepared mailbox is not the account’s own Webmail', async () => {
    const { send, calls, prepared } = await setup();
    await send({ type: 'webmail.prepare', email: 'info@example.com' });
    expect(await send({ type: 'webmail.open', acceptsLogin: true })).toMatchObject({ ok: true, tabId: 1 });
    expect(calls).toHaveLength(2);
    expect(prepared.size).toBe(1);
  });

  it('adds where the account’s Webmail lands to the login it hands over', async () => {
    const { send, id, settings } = await setup();
    await send({ type: 'webmail.prepare' });
    const home = await send({ type: 'webmail.open', acceptsLogin: true });
    expect(home).toMatchObject({ login: { url: LOGIN_URL } });
    expect(home).not.toHaveProperty('login.fields');
    await settings.set({ webmailAt: { [id]: 'roundcube' } });
    await send({ type: 'webmail.prepare' });
    expect(await send({ type: 'webmail.open', acceptsLogin: true })).toMatchObject({
      login: { url: LOGIN_URL, fields: { goto_uri: '/3rdparty/roundcube/?_task=mail&_mbox=INBOX' } },
    });
  });

  it('goes the usual way when the prepare failed or a password comes with the click', async () => {
    const { send, calls, opened, prepared, id } = await setup();
    await prepared.prepare(`webmail\n${id}\n`, id, () => Promise.reject(new Error('down')));
    expect(await send({ type: 'webmail.open', acceptsLogin: true })).toMatchObject({ tabId: 1 });
    expect(calls).toHaveLength(1);
    await send({ type: 'webmail.prepare', email: 'info@example.com' });
    const typed = { type: 'webmail.open', email: 'info@example.com', password: 'secret', acceptsLogin: true };
    expect(await send(typed)).toMatchObject({ ok: true, tabId: 2 });
    expect(opened).toHaveLength(2);
  });

  it('refuses a flag that is not a boolean', async () => {
    const { send, calls } = await setup();
    expect(await send({ type: 'webmail.open', acceptsLogin: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
    expect(calls).toHaveLength(0);
  });
});
