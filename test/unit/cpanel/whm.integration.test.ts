import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Credentials } from '../../../src/cpanel/credentials';
import { findDomainOwner, listDomains } from '../../../src/cpanel/domains';
import { classifySessionError, createWebmailSessionWithPassword } from '../../../src/cpanel/session';
import { callWhm } from '../../../src/cpanel/whm';
import { createUserSession, whmLoginRequest } from '../../../src/cpanel/whmSession';
import {
  DEMO_TOKEN,
  MAILBOX_PASSWORD,
  RESELLER_TOKEN,
  ROOT_TOKEN,
  type RunningEmulator,
  startEmulator,
  WHM_TEXT,
} from '../../emulator';
import { insecureFetch } from '../../support/insecureFetch';

const ADDRESS = '127.0.0.62';
const options = { fetch: insecureFetch };
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ address: ADDRESS });
});
afterAll(() => emu?.close());

const root: Credentials = { kind: 'whm', host: ADDRESS, port: 2087, username: 'root', token: ROOT_TOKEN };
const reseller: Credentials = { ...root, username: 'reseller1', token: RESELLER_TOKEN };
const demo: Credentials = { kind: 'cpanel', host: ADDRESS, port: 2083, username: 'demo', token: DEMO_TOKEN };

function postLogin(url: string, form: Record<string, string>): Promise<Response> {
  return insecureFetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

describe('createUserSession against the emulator', () => {
  it('signs a mailbox in to Webmail on 2096', async () => {
    const login = await createUserSession(root, { user: 'info@example.com', service: 'webmaild' }, options);
    expect(login.url).toMatch(
      new RegExp(`^https://${ADDRESS.replace(/\./g, '\\.')}:2096/cpsess\\d{10}/login$`),
    );
    expect(login.fields).toBeUndefined();
    const reply = await postLogin(login.url, { session: login.session });
    expect(reply.status).toBe(302);
    expect(reply.headers.get('location')).toMatch(/^\/cpsess\d{10}\/webmail\/jupiter\/index\.html$/);
  });

  it('lands cPanel in the requested app through the goto_uri of data.url', async () => {
    const login = await createUserSession(
      root,
      { user: 'demo', service: 'cpaneld', app: 'Email_Accounts' },
      options,
    );
    expect(login.url).toMatch(/:2083\/cpsess\d{10}\/login$/);
    expect(login.fields).toEqual({ goto_uri: 'frontend/jupiter/email_accounts/index.html' });
    const reply = await postLogin(login.url, { session: login.session, ...login.fields });
    expect(reply.status).toBe(302);
    expect(reply.headers.get('location')).toMatch(
      /^\/cpsess\d{10}\/frontend\/jupiter\/email_accounts\/index\.html$/,
    );
  });

  it('signs in at the configured host when data.url names the public IP (hostname not resolving)', async () => {
    const natted = await startEmulator({ address: '127.0.0.63', publicIp: '203.0.113.7' });
    try {
      const account = { ...root, host: '127.0.0.63' };
      const raw = (await callWhm(
        account,
        'create_user_session',
        { user: 'root', service: 'whostmgrd' },
        options,
      )) as {
        url: string;
      };
      expect(new URL(raw.url).hostname).toBe('203.0.113.7');
      const login = await createUserSession(
        account,
        { user: 'root', service: 'whostmgrd', app: 'list_accounts' },
        options,
      );
      expect(login.url).toMatch(/^https:\/\/127\.0\.0\.63:2087\/cpsess\d{10}\/login$/);
      expect(login.fields).toEqual({ goto_uri: '/scripts4/listaccts' });
      const reply = await postLogin(login.url, { session: login.session, ...login.fields });
      expect(reply.headers.get('location')).toMatch(/^\/cpsess\d{10}\/scripts4\/listaccts$/);
    } finally {
      await natted.close();
    }
  });

  it('opens WHM for root on 2087', async () => {
    const login = await createUserSession(root, { user: 'root', service: 'whostmgrd' }, options);
    expect(login.url).toMatch(/:2087\/cpsess\d{10}\/login$/);
    expect((await postLogin(login.url, { session: login.session })).status).toBe(302);
  });

  it('takes the host of preferred_domain from the returned url', async () => {
    const login = await createUserSession(
      root,
      { user: 'demo', service: 'cpaneld', preferredDomain: 'example.com' },
      options,
    );
    expect(login.url).toMatch(/^https:\/\/example\.com:2083\/cpsess\d{10}\/login$/);
  });

  it('refuses a data.url naming a loopback address for an account configured by name', async () => {
    const data = await callWhm(root, 'create_user_session', { user: 'demo', service: 'cpaneld' }, options);
    expect(() => whmLoginRequest(data, 'server.example.com')).toThrow(
      expect.objectContaining({ code: 'invalid_response' }),
    );
  });

  it('whmLoginRequest agrees with the raw API answer and never reuses its url', async () => {
    const data = (await callWhm(
      root,
      'create_user_session',
      { user: 'demo', service: 'cpaneld' },
      options,
    )) as {
      url: string;
      session: string;
      cp_security_token: string;
    };
    const login = whmLoginRequest(data, ADDRESS);
    expect(login).toEqual({
      url: `https://${ADDRESS}:2083${data.cp_security_token}/login`,
      session: data.session,
    });
    expect(data.url).toContain('session=');
  });

  it.each([
    ['an unknown user', root, 'nobody', WHM_TEXT.unknownUser('nobody')],
    ['a suspended account', root, 'sleepy', WHM_TEXT.suspended('sleepy')],
    ['an account the reseller does not own', reseller, 'demo', WHM_TEXT.notOwned('demo')],
  ])('reports %s as api_error with the WHM reason', async (_name, credentials, user, reason) => {
    await expect(createUserSession(credentials, { user, service: 'cpaneld' }, options)).rejects.toMatchObject(
      {
        code: 'api_error',
        message: reason,
      },
    );
  });
});

describe('domains against the emulator', () => {
  it('lists every domain of the account', async () => {
    expect(await listDomains(demo, options)).toEqual([
      'example.com',
      'example.net',
      'blog.example.com',
      'example.org',
    ]);
  });

  it('finds the owner of main, addon and parked domains', async () => {
    expect(await findDomainOwner(root, 'example.com', options)).toBe('demo');
    expect(await findDomainOwner(root, 'Example.NET', options)).toBe('demo');
    expect(await findDomainOwner(root, 'example.org', options)).toBe('demo');
    expect(await findDomainOwner(root, 'shop.test', options)).toBe('shop');
    expect(await findDomainOwner(reseller, 'shop.test', options)).toBe('shop');
  });

  it('resolves undefined for an unknown domain and one the token may not see', async () => {
    expect(await findDomainOwner(root, 'nowhere.test', options)).toBeUndefined();
    expect(await findDomainOwner(reseller, 'example.com', options)).toBeUndefined();
  });

  it('still throws on a rejected token', async () => {
    await expect(findDomainOwner({ ...root, token: 'WRONG' }, 'example.com', options)).rejects.toMatchObject({
      code: 'auth_failed',
    });
  });
});

describe('password sessions against the emulator', () => {
  const info = { login: 'info', domain: 'example.com' };

  it('signs in with the right password, sent in the POST body only', async () => {
    const login = await createWebmailSessionWithPassword(demo, info, MAILBOX_PASSWORD, options);
    expect(login.url).toMatch(/:2096\/cpsess\d{10}\/login$/);
    const request = emu.requests.find((r) => r.path.includes('check_password'));
    expect(request?.method).toBe('POST');
    expect(request?.path).not.toContain(MAILBOX_PASSWORD);
    expect((await postLogin(login.url, { session: login.session })).status).toBe(302);
  });

  it('classifies a wrong password and a suspended mailbox', async () => {
    const wrong = await createWebmailSessionWithPassword(demo, info, 'nope', options).catch(
      (e: unknown) => e,
    );
    expect(classifySessionError(wrong)).toBe('wrong_password');
    const frozen = await createWebmailSessionWithPassword(
      demo,
      { login: 'frozen', domain: 'example.com' },
      MAILBOX_PASSWORD,
      options,
    ).catch((e: unknown) => e);
    expect(frozen).toMatchObject({
      code: 'api_error',
      message: 'Logins for “frozen@example.com” are suspended.',
    });
    expect(classifySessionError(frozen)).toBe('suspended');
  });
});
