import { describe, expect, it } from 'vitest';
import { launchIdOf } from '../../support/fakeTabs';
import { openersWorld } from '../../support/openersWorld';
import { uapiOk, whmOk } from '../../support/routedFetch';

const webmailSession = uapiOk({ hostname: null, session: 'u:abc:T,0123', token: '/cpsess1234567890' });
const whmSession = (service: string) =>
  whmOk({
    cp_security_token: '/cpsess5163408416',
    expires: 1,
    service,
    session: 'root:xyz:create_user_session,0123',
    url: 'https://w.example.com:2087/cpsess5163408416/login/?session=root%3axyz',
  });

// The server's refusal of a locale it lacks (Cpanel/Admin/Modules/Cpanel/session_call.pm), for anything
// outside a stock server's list.
const STOCK = new Set(
  'ar cs da de el en es es_419 es_es fi fil fr he hu id it ja ko ms nb nl pl pt pt_br ro ru sv th tr uk vi zh zh_tw'.split(
    ' ',
  ),
);
const strictSession = (url: URL) => {
  const locale = url.searchParams.get('locale');
  if (locale === null || STOCK.has(locale)) return webmailSession;
  return {
    status: 0,
    data: null,
    errors: [`“${locale}” does not refer to any of this system’s locales.`],
    messages: null,
    metadata: {},
    warnings: null,
  };
};

function setup(granted = true, language = 'pt-BR', extra: Record<string, unknown> = {}) {
  const { openers, add, calls, tabs, launcher, recents } = openersWorld({
    routes: {
      '/execute/Session/create_webmail_session_for_self': strictSession,
      '/execute/Session/create_webmail_session_for_mail_user': strictSession,
      '/execute/Session/create_webmail_session_for_mail_user_check_password': strictSession,
      '/json-api/create_user_session': (url: URL) => whmSession(url.searchParams.get('service') ?? ''),
      ...extra,
    },
    granted,
    deps: { language: () => language },
  });
  const { opened } = tabs;
  const claim = (n: number) => launcher.claim(launchIdOf(opened[n]));
  return { openers, add, calls, opened, claim, recents };
}

describe('Openers', () => {
  it('opens a mailbox with the browser language as locale and remembers it as recent', async () => {
    const { openers, add, calls, recents } = await setup();
    const id = await add({});
    await openers.openWebmail({ accountId: id, email: 'Info@Example.com' });
    const url = new URL(calls[0]?.url ?? '');
    expect(url.pathname).toBe('/execute/Session/create_webmail_session_for_mail_user');
    expect(url.searchParams.get('locale')).toBe('pt_br');
    expect((await recents.read()).recent[0]).toMatchObject({ accountId: id, email: 'info@example.com' });
  });

  it('prefers the account’s own locale', async () => {
    const { openers, add, calls } = await setup();
    const id = await add({ locale: 'de' });
    await openers.openWebmail({ accountId: id });
    expect(new URL(calls[0]?.url ?? '').searchParams.get('locale')).toBe('de');
  });

  it('checks the mailbox password for accounts that ask for it, and refuses to go without one', async () => {
    const { openers, add, calls, opened } = await setup();
    const id = await add({ askPassword: true });
    await expect(openers.openWebmail({ accountId: id, email: 'info@example.com' })).rejects.toMatchObject({
      code: 'bad_input',
    });
    expect(opened).toHaveLength(0);
    await openers.openWebmail({ accountId: id, email: 'info@example.com', password: 'secret' });
    expect(calls[0]?.url).toContain('create_webmail_session_for_mail_user_check_password');
    expect(calls[0]?.url).not.toContain('secret');
  });

  it.each([
    ['en-GB', 'en'],
    ['zh-CN', 'zh'],
    ['zh-TW', 'zh_tw'],
    ['es-MX', 'es_419'],
    ['es-ES', 'es_es'],
    ['pt-PT', 'pt'],
    ['nn-NO', 'nb'],
    ['de-AT', 'de'],
  ])('maps the browser language %s to the installed locale %s', async (language, locale) => {
    const { openers, add, calls, opened } = await setup(true, language);
    const id = await add({});
    await openers.openWebmail({ accountId: id, email: 'info@example.com' });
    expect(calls).toHaveLength(1);
    expect(new URL(calls[0]?.url ?? '').searchParams.get('locale')).toBe(locale);
    expect(opened).toHaveLength(1);
  });

  it('sends no locale for a browser language a stock server lacks (sk): the account’s own applies', async () => {
    const { openers, add, calls } = await setup(true, 'sk');
    const id = await add({});
    await openers.openWebmail({ accountId: id });
    expect(calls).toHaveLength(1);
    expect(new URL(calls[0]?.url ?? '').searchParams.has('locale')).toBe(false);
  });

  it.each(['en_gb', 'zh_cn', 'en-GB', 'zh-CN'])(
    'maps the account language %s to what a stock server has',
    async (setting) => {
      const { openers, add, calls } = await setup(true, 'sk');
      const id = await add({ locale: setting });
      await openers.openWebmail({ accountId: id, email: 'info@example.com' });
      expect(calls).toHaveLength(1);
      expect(new URL(calls[0]?.url ?? '').searchParams.get('locale')).toBe(setting.slice(0, 2));
    },
  );

  it('signs in again without the locale, in the same click, when the server refuses it', async () => {
    const { openers, add, calls, opened, claim } = await setup(true, 'en-US');
    const id = await add({ locale: 'sk' });
    await openers.openWebmail({ accountId: id, email: 'info@example.com' });
    const locales = calls.map((call) => new URL(call.url).searchParams.get('locale'));
    expect(locales).toEqual(['sk', null]);
    expect(opened).toHaveLength(1);
    expect((await claim(0)).url).toBe('https://a.example.com:2096/cpsess1234567890/login');
  });

  it('says a mailbox’s login is suspended before opening it from an address (context menu, omnibox)', async () => {
    const pop = (email: string, suspended: number) => ({
      email,
      login: email,
      suspended_incoming: 0,
      suspended_login: suspended,
    });
    const { openers, add, calls, opened } = await setup(true, 'en-US', {
      '/execute/DomainInfo/list_domains': uapiOk({ main_domain: 'example.com' }),
      '/execute/Email/list_pops': uapiOk([pop('frozen@example.com', 1), pop('info@example.com', 0)]),
    });
    await add({});
    await expect(openers.openForAddress('Frozen@example.com')).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringContaining('frozen@example.com'),
    });
    expect(opened).toHaveLength(0);
    expect(calls.some((call) => call.url.includes('/Session/'))).toBe(false);
    await openers.openForAddress('info@example.com');
    expect(opened).toHaveLength(1);
  });

  it('opens Webmail, cPanel with an app, and WHM through a WHM token', async () => {
    const { openers, add, calls, claim } = await setup();
    const id = await add({ kind: 'whm', username: 'root' });
    await openers.openWebmail({ accountId: id, email: 'orders@shop.test' });
    await openers.openSession({ accountId: id, service: 'cpaneld', user: 'shop', app: 'Email_Accounts' });
    await openers.openSession({ accountId: id, service: 'whostmgrd' });
    const asked = calls.map((call) => Object.fromEntries(new URL(call.url).searchParams));
    expect(asked.map(({ service, user, app }) => ({ service, user, app }))).toEqual([
      { service: 'webmaild', user: 'orders@shop.test', app: undefined },
      { service: 'cpaneld', user: 'shop', app: 'Email_Accounts' },
      { service: 'whostmgrd', user: 'root', app: undefined },
    ]);
    const whm = await claim(2);
    // The configured host, never the host of data.url.
    expect(whm.url).toBe('https://a.example.com:2087/cpsess5163408416/login');
  });

  it('refuses WHM sessions for a cPanel token and a WHM token without a mailbox', async () => {
    const { openers, add } = await setup();
    const cpanel = await add({});
    const whm = await add({ kind: 'whm' });
    await expect(
      openers.openSession({ accountId: cpanel, service: 'cpaneld', user: 'x' }),
    ).rejects.toMatchObject({
      code: 'bad_input',
    });
    await expect(openers.openWebmail({ accountId: whm })).rejects.toMatchObject({ code: 'bad_input' });
  });

  it('answers permission_denied before any call when host access is missing', async () => {
    const { openers, add, calls } = await setup(false);
    const id = await add({});
    await expect(openers.openWebmail({ accountId: id })).rejects.toMatchObject({ code: 'permission_denied' });
    expect(calls).toHaveLength(0);
  });
});
