import * as v from 'valibot';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';

const reply = vi.hoisted(() => ({ value: undefined as unknown }));
vi.mock('webextension-polyfill', () => ({
  default: { runtime: { sendMessage: async () => reply.value } },
}));
const { send } = await import('../../../src/messages/client');
const { errorFromReply } = await import('../../../src/messages/errorFromReply');
const { requestSchemas } = await import('../../../src/messages/schemas');
type Contract = typeof import('../../../src/messages/contract');
type Replies = import('../../../src/messages/contract').Replies;
type RequestOf<T extends keyof Replies> = import('../../../src/messages/contract').RequestOf<T>;

describe('one definition per message', () => {
  it('derives each request from its schema, and send() its reply from the request', () => {
    expectTypeOf<RequestOf<'account.remove'>>().toEqualTypeOf<{ type: 'account.remove' } & { id: string }>();
    expectTypeOf<RequestOf<'account.update'>['changes']>().toEqualTypeOf<
      v.InferInput<(typeof requestSchemas)['account.update']['entries']['changes']>
    >();
    const list = () => send({ type: 'account.list' });
    expectTypeOf(list).returns.resolves.toEqualTypeOf<Replies['account.list']>();
    const temp = () => send({ type: 'cpanelSession.tempUser', tabId: 1 });
    expectTypeOf(temp).returns.resolves.toEqualTypeOf<{ user: string }>();
    // @ts-expect-error account.remove needs its id
    const missing = () => send({ type: 'account.remove' });
    // @ts-expect-error no such message
    const unknown = () => send({ type: 'account.nothing' });
    expect([missing, unknown]).toHaveLength(2);
    expectTypeOf<Contract>().not.toBeAny();
  });

  it('checks every request the contract names', () => {
    expect(v.safeParse(requestSchemas['account.remove'], { id: 'a' }).success).toBe(true);
    expect(v.safeParse(requestSchemas['account.remove'], { id: '' }).success).toBe(false);
    expect(v.safeParse(requestSchemas['account.save'], { account: 'text' }).success).toBe(false);
    expect(v.safeParse(requestSchemas['session.open'], { accountId: 'a', service: 'ftpd' }).success).toBe(
      false,
    );
  });
});

describe('errorFromReply', () => {
  it('rebuilds a keyed error with its code, key, arguments and origin', () => {
    const error = errorFromReply({
      ok: false,
      error: {
        code: 'tls',
        message: 'x',
        key: 'error_tls',
        args: ['https://a.example:2083'],
        origin: 'https://a',
      },
    });
    expect(error).toMatchObject({
      code: 'tls',
      key: 'error_tls',
      args: ['https://a.example:2083'],
      origin: 'https://a',
    });
  });

  it("keeps a server's own words, and reads an unknown code or no answer as invalid_response", () => {
    expect(errorFromReply({ ok: false, error: { code: 'api_error', message: 'Nope.' } })).toMatchObject({
      code: 'api_error',
      key: undefined,
      message: 'Nope.',
    });
    expect(errorFromReply({ ok: false, error: { code: 'weird' } })).toMatchObject({
      code: 'invalid_response',
      key: 'error_something_wrong',
    });
    expect(errorFromReply(undefined)).toMatchObject({ code: 'invalid_response', key: 'error_no_answer' });
  });

  it('is what send() throws', async () => {
    reply.value = { ok: false, error: { code: 'locked', message: 'x', key: 'error_locked', args: [] } };
    await expect(send({ type: 'vault.lock' })).rejects.toMatchObject({ code: 'locked', key: 'error_locked' });
    reply.value = { ok: true, enabled: true, locked: false };
    expect(await send({ type: 'vault.status' })).toEqual({ ok: true, enabled: true, locked: false });
  });
});
