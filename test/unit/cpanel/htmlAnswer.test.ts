import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Credentials } from '../../../src/cpanel/credentials';
import { LauncherError } from '../../../src/cpanel/errors';
import { type HtmlAnswerKind, htmlAnswerKind, rejectHtmlAnswer } from '../../../src/cpanel/htmlAnswer';
import { createWebmailSessionForSelf } from '../../../src/cpanel/session';
import { createUserSession } from '../../../src/cpanel/whmSession';
import { DEMO_TOKEN, type FaultKind, ROOT_TOKEN, type RunningEmulator, startEmulator } from '../../emulator';
import { cloudflarePage, cphulkPage, otherPage } from '../../emulator/errorPages';
import { licenseErrorPage, loginPage } from '../../emulator/pages';
import { insecureFetch } from '../../support/insecureFetch';

describe('htmlAnswerKind', () => {
  it.each<[string, string, number, HtmlAnswerKind]>([
    ['the licence error page', licenseErrorPage(), 200, 'license'],
    ['the licence error page with an error status', licenseErrorPage(), 500, 'license'],
    ['cPHulk’s lockout', cphulkPage(), 200, 'cphulk'],
    ['the login page', loginPage('cpaneld'), 200, 'login'],
    ['the stock login template’s msg_code comment', '<!-- msg_code:[invalid_login]  --><div>', 200, 'login'],
    ['a Cloudflare 521 page', cloudflarePage('server.example.com'), 521, 'proxy'],
    ['any 52x page, even without markers', '<html><body>Origin error</body></html>', 522, 'proxy'],
    ['a gateway error page', '<html><h1>502 Bad Gateway</h1><hr>nginx</html>', 502, 'proxy'],
    ['a default web page', otherPage(), 200, 'other'],
  ])('%s → %s', (_name, body, status, kind) => {
    expect(htmlAnswerKind(body, status)).toBe(kind);
  });

  it('reads a CDN page that quotes a login form as the CDN’s', () => {
    expect(htmlAnswerKind(`${cloudflarePage('x')}<form id="login_form">`, 200)).toBe('proxy');
  });
});

describe('rejectHtmlAnswer', () => {
  const thrown = (body: string, status: number) => {
    try {
      rejectHtmlAnswer(body, status);
      return undefined;
    } catch (error) {
      return error as LauncherError;
    }
  };

  it('leaves JSON and plain text alone', () => {
    expect(thrown('{"status":1}', 200)).toBeUndefined();
    expect(thrown('Internal Server Error', 500)).toBeUndefined();
  });

  it('leaves an unrecognised page with a failed status to the status', () => {
    expect(thrown('<html>oops</html>', 500)).toBeUndefined();
  });

  it('gives each page its own message key, all under not_json', () => {
    const keys = [
      thrown(licenseErrorPage(), 200),
      thrown(cphulkPage(), 200),
      thrown(loginPage('webmaild'), 200),
      thrown(cloudflarePage('h'), 521),
      thrown(otherPage(), 200),
    ].map((error) => {
      expect(error).toBeInstanceOf(LauncherError);
      expect(error?.code).toBe('not_json');
      return error?.key;
    });
    expect(keys).toEqual([
      'error_html_license',
      'error_html_cphulk',
      'error_html_login',
      'error_html_proxy',
      'error_web_page',
    ]);
    expect(thrown(cloudflarePage('h'), 521)?.args).toEqual(['521']);
  });
});

describe('the client against the emulator’s pages', () => {
  const ADDRESS = '127.0.0.223';
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ address: ADDRESS });
  });
  afterAll(() => emu?.close());

  const demo: Credentials = {
    kind: 'cpanel',
    host: ADDRESS,
    port: 2083,
    username: 'demo',
    token: DEMO_TOKEN,
  };
  const root: Credentials = { kind: 'whm', host: ADDRESS, port: 2087, username: 'root', token: ROOT_TOKEN };
  const options = { fetch: insecureFetch, timeoutMs: 2000 };
  const failure = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      return error as LauncherError;
    }
    throw new Error('the call succeeded');
  };

  it.each<[FaultKind, string]>([
    ['html-license', 'error_html_license'],
    ['html-cphulk', 'error_html_cphulk'],
    ['htmlLogin', 'error_html_login'],
    ['html-cloudflare', 'error_html_proxy'],
    ['html-other', 'error_web_page'],
  ])('%s → not_json, %s (UAPI and WHM)', async (fault, key) => {
    emu.faults.set({ fault });
    try {
      const uapi = await failure(() => createWebmailSessionForSelf(demo, options));
      const whm = await failure(() =>
        createUserSession(root, { user: 'demo', service: 'webmaild' }, options),
      );
      for (const error of [uapi, whm]) expect([error.code, error.key]).toEqual(['not_json', key]);
    } finally {
      emu.faults.clear();
    }
  });
});
