import { describe, expect, it } from 'vitest';
import { ROUNDCUBE_INBOX_PATH } from '../../../src/cpanel/mailto';
import { launchIdOf } from '../../support/fakeTabs';
import { openersWorld } from '../../support/openersWorld';
import { uapiOk, whmOk } from '../../support/routedFetch';

const webmailSession = uapiOk({ hostname: null, session: 'u:abc:T,0123', token: '/cpsess1234567890' });

async function setup() {
  const { openers, add, accounts, settings, tabs, calls, launcher } = openersWorld({
    routes: {
      '/execute/Session/create_webmail_session_for_self': webmailSession,
      '/execute/Session/create_webmail_session_for_mail_user': webmailSession,
      '/execute/Email/list_pops': uapiOk([{ email: 'info@example.com', login: 'info@example.com' }]),
      '/execute/DomainInfo/list_domains': uapiOk({
        main_domain: 'example.com',
        addon_domains: [],
        parked_domains: [],
        sub_domains: [],
      }),
      '/json-api/create_user_session': whmOk({
        cp_security_token: '/cpsess5163408416',
        expires: 1,
        service: 'webmaild',
        session: 'root:xyz:create_user_session,0123',
        url: 'https://w.example.com:2096/cpsess5163408416/login/?session=root%3axyz',
      }),
    },
    withSettings: true,
    deps: { composeNote: () => '[cut]' },
  });
  const claim = (url: string | undefined) => launcher.claim(launchIdOf(url));
  const lastSession = () => new URL(calls.at(-1)?.url ?? 'https://x.invalid/');
  const { opened, navigated } = tabs;
  return { openers, add, accounts, settings, opened, navigated, claim, lastSession };
}

describe('Openers.compose', () => {
  it('signs in to the default account’s own Webmail and carries the compose path as goto_uri', async () => {
    const { openers, add, opened, claim, lastSession } = await setup();
    await add({ kind: 'whm', username: 'root', label: 'Root' });
    await add({ label: 'Demo' });
    await openers.compose({ to: 'mailto:a@example.com?subject=Hi%26_task%3Dsettings&cc=b@example.com' });
    expect(lastSession().pathname).toBe('/execute/Session/create_webmail_session_for_self');
    const login = await claim(opened[0]);
    expect(login.url).toBe('https://a.example.com:2096/cpsess1234567890/login');
    const goto = new URL(login.fields?.goto_uri ?? '', 'https://x.example.com');
    expect(goto.pathname).toBe('/3rdparty/roundcube/');
    expect(Object.fromEntries(goto.searchParams)).toEqual({
      _task: 'mail',
      _action: 'compose',
      _to: 'a@example.com',
      _cc: 'b@example.com',
      _subject: 'Hi&_task=settings',
    });
  });

  it('writes from the chosen mailbox, else from the "Send from" setting', async () => {
    const { openers, add, settings, opened, lastSession } = await setup();
    const first = await add({ label: 'One' });
    const second = await add({ label: 'Two', host: 'b.example.com' });
    await openers.compose({ to: 'x@example.org', accountId: second, email: 'info@example.com' });
    expect(lastSession().hostname).toBe('b.example.com');
    expect(lastSession().searchParams.get('login')).toBe('info');
    await settings.set({ sendFrom: { accountId: first, email: 'sales@example.com' } });
    await openers.compose({ to: 'y@example.org' });
    expect(lastSession().hostname).toBe('a.example.com');
    expect(lastSession().searchParams.get('login')).toBe('sales');
    expect(opened).toHaveLength(2);
  });

  it('falls back to the default account when the chosen sender is gone or the setting is "ask"', async () => {
    const { openers, add, settings, lastSession } = await setup();
    await add({ label: 'One' });
    await settings.set({ sendFrom: { accountId: 'gone' } });
    expect(await openers.sender()).toMatchObject({ accountId: expect.any(String) });
    await settings.set({ sendFrom: 'ask' });
    await openers.compose({ to: 'y@example.org' });
    expect(lastSession().pathname).toBe('/execute/Session/create_webmail_session_for_self');
  });

  it('signs in inside the asking tab when one is given', async () => {
    const { openers, add, opened, navigated } = await setup();
    await add({});
    const { tabId } = await openers.compose({ to: 'a@example.com', inTab: 7 });
    expect(tabId).toBe(7);
    expect(opened).toHaveLength(0);
    expect(navigated[0]?.[0]).toBe(7);
  });

  it('refuses when no account can send, and when the fields cannot fit a link', async () => {
    const { openers, add } = await setup();
    await expect(openers.compose({ to: 'a@example.com' })).rejects.toMatchObject({ code: 'not_found' });
    await add({});
    const subject = 'x'.repeat(8000);
    await expect(openers.compose({ to: `mailto:a@example.com?subject=${subject}` })).rejects.toMatchObject({
      code: 'bad_input',
    });
  });

  it('cuts a long body with the note instead of failing', async () => {
    const { openers, add, opened, claim } = await setup();
    await add({});
    await openers.compose({ to: `mailto:a@example.com?body=${'word%20'.repeat(3000)}` });
    const goto = (await claim(opened[0])).fields?.goto_uri ?? '';
    expect(goto.length).toBeLessThanOrEqual(6000);
    expect(new URL(goto, 'https://x.example.com').searchParams.get('_body')).toMatch(
      /^word word .*\S\n\n\[cut\]$/s,
    );
  });
});

describe('Open Webmail at', () => {
  it('lands in Roundcube’s inbox for accounts set so, on cPanel and WHM accounts alike', async () => {
    const { openers, add, settings, opened, claim } = await setup();
    const cpanel = await add({});
    const whm = await add({ kind: 'whm', username: 'root', host: 'w.example.com' });
    await openers.openWebmail({ accountId: cpanel });
    expect((await claim(opened[0])).fields).toBeUndefined();
    await settings.set({ webmailAt: { [cpanel]: 'roundcube', [whm]: 'roundcube' } });
    await openers.openWebmail({ accountId: cpanel, email: 'info@example.com' });
    expect((await claim(opened[1])).fields).toEqual({ goto_uri: ROUNDCUBE_INBOX_PATH });
    await openers.openWebmail({ accountId: whm, email: 'info@example.com' });
    expect((await claim(opened[2])).fields).toEqual({ goto_uri: ROUNDCUBE_INBOX_PATH });
  });
});
