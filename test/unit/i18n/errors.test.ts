import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { createRouter, type HandlerTable } from '../../../src/background/messages';
import { accountInputSchema } from '../../../src/core/accountInput';
import { inputIssueKey } from '../../../src/core/accountInputIssue';
import { LauncherError, msg } from '../../../src/cpanel/errors';
import { networkFailure } from '../../../src/cpanel/networkFailure';
import { render } from '../../../src/i18n/format';
import { errorText } from '../../../src/presentation/errorText';

const reply = vi.hoisted(() => ({ value: undefined as unknown }));
vi.mock('webextension-polyfill', () => ({
  default: { runtime: { sendMessage: async () => reply.value } },
}));
const { send } = await import('../../../src/messages/client');

const ORIGIN = 'chrome-extension://abc/';
function routeThrowing(error: unknown) {
  const handlers = {
    'account.remove': async () => {
      throw error;
    },
  } as unknown as HandlerTable;
  const route = createRouter(handlers, { extensionId: 'abc', extensionOrigin: ORIGIN });
  return route({ type: 'account.remove', id: 'x' }, { id: 'abc', url: `${ORIGIN}src/options/index.html` });
}

describe('LauncherError', () => {
  it('carries a message key and its arguments, rendered only at the edge', () => {
    const error = new LauncherError('auth_failed', msg('error_token_rejected', 401));
    expect(error).toMatchObject({ code: 'auth_failed', key: 'error_token_rejected', args: ['401'] });
    expect(error.message).toBe('error_token_rejected 401');
    expect(errorText(error)).toBe('The server rejected the API token (HTTP 401).');
  });

  it('passes a server’s own words through as they are, without a key', () => {
    const error = new LauncherError('api_error', 'Logins for “frozen@example.com” are suspended.');
    expect(error.key).toBeUndefined();
    expect(error.args).toEqual([]);
    expect(error.message).toBe('Logins for “frozen@example.com” are suspended.');
  });

  it('keeps the origin of an untrusted certificate', () => {
    const error = networkFailure('https://server.example.com:2083', 'net::ERR_CERT_AUTHORITY_INVALID');
    expect(error).toMatchObject({
      code: 'tls',
      origin: 'https://server.example.com:2083',
      key: 'error_tls',
      args: ['https://server.example.com:2083'],
    });
    expect(errorText(error)).toMatch(/^The browser does not trust the certificate of https:\/\/server/);
  });
});

describe('errors over the message contract', () => {
  it('send key and args along, so a page can show the message in its own language', async () => {
    const origin = 'https://server.example.com:2083';
    expect(await routeThrowing(new LauncherError('tls', msg('error_dns', origin), origin))).toEqual({
      ok: false,
      error: {
        code: 'tls',
        message: `The server name of ${origin} could not be found. Check the address.`,
        key: 'error_dns',
        args: [origin],
        origin,
      },
    });
    expect(await routeThrowing(new LauncherError('api_error', 'Session creation is not permitted.'))).toEqual(
      {
        ok: false,
        error: { code: 'api_error', message: 'Session creation is not permitted.' },
      },
    );
  });

  it('report an unexpected error by key too, without its text', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await routeThrowing(new Error('secret'))).toEqual({
      ok: false,
      error: {
        code: 'invalid_response',
        message: 'Something unexpected went wrong.',
        key: 'error_unexpected',
        args: [],
      },
    });
  });

  it('come back out of send() as LauncherErrors with their key', async () => {
    reply.value = {
      ok: false,
      error: {
        code: 'not_found',
        message: 'ignored',
        key: 'error_no_mailbox',
        args: ['A', 'b.example', 'x@b.example'],
      },
    };
    const keyed = await send({ type: 'account.list' }).catch((error: unknown) => error);
    expect(keyed).toBeInstanceOf(LauncherError);
    expect(keyed).toMatchObject({
      code: 'not_found',
      key: 'error_no_mailbox',
      args: ['A', 'b.example', 'x@b.example'],
    });
    expect(errorText(keyed)).toBe('A owns b.example but has no mailbox x@b.example.');

    reply.value = { ok: false, error: { code: 'api_error', message: 'The provided password is incorrect.' } };
    const raw = await send({ type: 'account.list' }).catch((error: unknown) => error);
    expect(raw).toMatchObject({
      code: 'api_error',
      key: undefined,
      message: 'The provided password is incorrect.',
    });
  });
});

describe('account input checks', () => {
  const valid = { kind: 'cpanel', host: 'server.example.com', username: 'demo', token: 'A'.repeat(32) };
  it.each([
    ['label', 'x'.repeat(81), 'error_input_label_long'],
    ['kind', 'root', 'error_input_kind'],
    ['host', undefined, 'error_input_host_missing'],
    ['host', 'not a host', 'error_input_host_invalid'],
    ['port', 20.5, 'error_input_port_whole'],
    ['port', 0, 'error_input_port_range'],
    ['port', 70000, 'error_input_port_range'],
    ['username', undefined, 'error_input_user_missing'],
    ['username', 'no spaces', 'error_input_user_chars'],
    ['locale', 'pt BR', 'error_input_locale'],
    ['token', undefined, 'error_input_token_missing'],
    ['token', 'short', 'error_input_token_format'],
  ])('%s = %j is refused with %s', (field, value, key) => {
    const result = v.safeParse(accountInputSchema, { ...valid, [field]: value });
    expect(result.success).toBe(false);
    const issue = result.issues?.[0];
    if (!issue) throw new Error('no issue');
    expect(inputIssueKey(issue)).toBe(key);
    expect(render(key as Parameters<typeof render>[0])).not.toBe('');
  });

  it('leaves checks it does not know to their own text', () => {
    const result = v.safeParse(accountInputSchema, { ...valid, port: 'abc' });
    const issue = result.issues?.[0];
    expect(issue && inputIssueKey(issue)).toBeUndefined();
  });
});
