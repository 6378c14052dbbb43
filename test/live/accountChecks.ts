// The checks every named account goes through first: host access, a refused token, a verified token.
import { expect, it } from 'vitest';
import { type LiveConfig, liveHosts, secretsOf, wrongToken } from './env';
import type { LiveSession } from './harness';

export interface AccountUnderTest {
  kind: 'cpanel' | 'whm';
  host: string;
  port: number;
  user: string;
  token: string;
}

/**
 * Registers the token checks and returns a getter for the saved account's id. Test names never carry a
 * value from the environment: vitest prints them.
 */
export function accountChecks(
  session: () => LiveSession,
  config: LiveConfig,
  account: AccountUnderTest,
): () => string {
  let accountId: string | null = null;
  const fields = { kind: account.kind, host: account.host, port: account.port, username: account.user };

  it('has host access to the named servers only', async () => {
    const origins = await session().page.evaluate(
      async () => (await chrome.permissions.getAll()).origins ?? [],
    );
    expect(origins.sort()).toEqual(
      liveHosts(config)
        .map((host) => `https://${host}/*`)
        .sort(),
    );
  });

  it('refuses a wrong token with auth_failed and saves nothing', async () => {
    const reply = await session().send({
      type: 'account.save',
      account: { ...fields, token: wrongToken(account.token) },
    });
    expect(reply.ok ? 'saved' : reply.error.code).toBe('auth_failed');
    const list = await session().send({ type: 'account.list' });
    expect(list.ok ? list.accounts : list.error).toEqual([]);
  });

  it('verifies the token and saves the account', async () => {
    const reply = await session().send({
      type: 'account.save',
      account: { ...fields, label: `Live ${account.kind}`, token: account.token },
    });
    if (!reply.ok) throw new Error(`account.save answered ${reply.error.code}: ${reply.error.message}`);
    if (account.kind === 'cpanel') expect(reply.verified).toEqual({ mailboxes: expect.any(Number) });
    else expect(reply.verified).toEqual({ whmVersion: expect.stringMatching(/^\d+(\.\d+)+$/) });
    console.log(`${account.kind} token verified: ${JSON.stringify(reply.verified)}`);
    accountId = reply.id;
  });

  it('lists the account without its token', async () => {
    const list = await session().send({ type: 'account.list' });
    if (!list.ok) throw new Error(`account.list answered ${list.error.code}`);
    expect(list.accounts.map((saved) => saved.id)).toEqual([savedId()]);
    const text = JSON.stringify(list);
    expect(secretsOf(config).some((secret) => text.includes(secret))).toBe(false);
  });

  function savedId(): string {
    if (accountId === null) throw new Error('No account was saved (see the token check above).');
    return accountId;
  }
  return savedId;
}
