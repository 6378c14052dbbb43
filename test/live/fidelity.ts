// Checks that a real server answers the way the emulator claims a stock cPanel & WHM 11.120 does (README,
// "Fidelity"). Only what is safe on a production server: calls that fail, read, or create a session that
// simply expires unused. Calls run in the options page (an extension page with the server's host access,
// trusting what the browser trusts); the token travels in the Authorization header only.
import { expect, it } from 'vitest';
import type { LiveConfig } from './env';
import { expectedOrigins, type LiveSession, openSignedIn, type Service } from './harness';

interface Answer {
  status: number;
  type: string;
  text: string;
}

interface Target {
  host: string;
  port: number;
  user: string;
  token: string;
}

function call(
  live: LiveSession,
  url: string,
  init: { authorization?: string; body?: string } = {},
): Promise<Answer> {
  return live.page.evaluate(
    async ({ url, authorization, body }) => {
      const headers: Record<string, string> = {};
      if (authorization) headers.Authorization = authorization;
      if (body !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
      const reply = await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers,
        body,
        credentials: 'omit',
        redirect: 'manual',
      });
      return {
        status: reply.status,
        type: reply.type,
        text: reply.type === 'opaqueredirect' ? '' : await reply.text(),
      };
    },
    { url, ...init },
  );
}

function uapi(
  live: LiveSession,
  target: Target,
  fn: string,
  params: Record<string, string>,
): Promise<Answer> {
  const query = new URLSearchParams(params).toString();
  const url = `https://${target.host}:${target.port}/execute/${fn}${query ? `?${query}` : ''}`;
  return call(live, url, { authorization: `cpanel ${target.user}:${target.token}` });
}

function whm(live: LiveSession, target: Target, fn: string, params: Record<string, string>): Promise<Answer> {
  const query = new URLSearchParams({ 'api.version': '1', ...params }).toString();
  return call(live, `https://${target.host}:${target.port}/json-api/${fn}?${query}`, {
    authorization: `whm ${target.user}:${target.token}`,
  });
}

const MARKER = /msg_code:\[([a-z_]*)\]/;

/** The cPanel token's checks; `accountId` is the saved account's. */
export function cpanelFidelityChecks(
  session: () => LiveSession,
  config: LiveConfig,
  target: Target & { mailbox: string },
  accountId: () => string,
): void {
  const webmailOrigin = (): string =>
    expectedOrigins(config, target.host, target.port, 'webmaild')[0] ?? `https://${target.host}:2096`;

  it('fidelity: a locale the server lacks is refused with the stock text (session_call.pm)', async () => {
    const answer = await uapi(session(), target, 'Session/create_webmail_session_for_self', {
      locale: 'en_gb',
    });
    const body = JSON.parse(answer.text) as { status: number; errors: string[] | null };
    // A server that installed en_gb itself would take it; a stock one refuses it with exactly this.
    if (body.status === 0) {
      expect(body.errors).toEqual(['“en_gb” does not refer to any of this system’s locales.']);
    } else console.log('This server has en_gb installed: the refusal could not be checked.');
  });

  it.each([
    ['en-GB', 'self'],
    ['sk', 'mailbox'],
  ])('fidelity: account language %s still opens Webmail signed in (%s)', async (language, which) => {
    const changed = await session().send({
      type: 'account.update',
      id: accountId(),
      changes: { locale: language },
    });
    if (!changed.ok) throw new Error(`account.update answered ${changed.error.code}`);
    try {
      const email = which === 'mailbox' ? target.mailbox : undefined;
      const { tab } = await openSignedIn(
        session(),
        config,
        { type: 'webmail.open', accountId: accountId(), email },
        {
          service: 'webmaild',
          origins: expectedOrigins(config, target.host, target.port, 'webmaild'),
          user: email ?? target.user,
          screenshot: `cpanel-webmail-locale-${language}`,
        },
      );
      await tab.close();
    } finally {
      await session().send({ type: 'account.update', id: accountId(), changes: { locale: '' } });
    }
  });

  it('fidelity: an unknown mailbox is named as UserNotFound names it (Cpanel/Exception/UserNotFound.pm)', async () => {
    const domain = target.mailbox.split('@')[1] ?? '';
    const login = 'no-such-mailbox-webmail-launcher';
    const answer = await uapi(session(), target, 'Session/create_webmail_session_for_mail_user', {
      login,
      domain,
    });
    const body = JSON.parse(answer.text) as { status: number; errors: string[] | null };
    expect(body.status).toBe(0);
    expect(body.errors).toEqual([`You do not have a user named “${login}@${domain}”.`]);
  });

  it('fidelity: a bare /login/ without /cpsessN answers the login page with 401', async () => {
    const answer = await call(session(), `${webmailOrigin()}/login/`, { body: 'session=none' });
    expect(answer.status).toBe(401);
    expect(answer.text).toContain('login_form');
  });

  it('fidelity: a used session string shows the login page with a session msg_code', async () => {
    const created = await uapi(session(), target, 'Session/create_webmail_session_for_self', {});
    const { data } = JSON.parse(created.text) as { data: { token: string; session: string } };
    const url = `${webmailOrigin()}${data.token}/login/`;
    const body = new URLSearchParams({ session: data.session }).toString();
    const first = await call(session(), url, { body });
    expect(first.type).toBe('opaqueredirect');
    const again = await call(session(), url, { body });
    expect(again.status).toBe(401);
    expect(MARKER.exec(again.text)?.[1]).toMatch(/^(invalid_session|expired_session)$/);
  });
}

/** The WHM token's checks. */
export function whmFidelityChecks(
  session: () => LiveSession,
  config: LiveConfig,
  target: Target & { cpanelUser: string },
): void {
  it('fidelity: getdomainowner answers result 1 and user null for a domain nobody has (Accounts.pm)', async () => {
    const answer = await whm(session(), target, 'getdomainowner', {
      domain: 'no-such-domain.webmail-launcher.invalid',
    });
    const body = JSON.parse(answer.text) as { data: unknown; metadata: { result: number } };
    expect(body.metadata.result).toBe(1);
    expect(body.data).toEqual({ user: null });
  });

  it('fidelity: create_user_session puts goto_uri, never app, into data.url (Whostmgr/API/1/Session.pm)', async () => {
    const answer = await whm(session(), target, 'create_user_session', {
      user: target.cpanelUser,
      service: 'cpaneld',
      app: 'Email_Accounts',
    });
    const body = JSON.parse(answer.text) as { data: { url: string } };
    const url = new URL(body.data.url);
    expect(url.searchParams.has('app')).toBe(false);
    expect(url.searchParams.get('goto_uri') ?? '').toMatch(/email_accounts\/index\.html$/);
    const configured = expectedOrigins(config, target.host, target.port, 'cpaneld' satisfies Service);
    if (!configured.includes(url.origin)) {
      console.log(
        'data.url names another host than the account (an IP or the hostname): the extension ignores it.',
      );
    }
  });
}
