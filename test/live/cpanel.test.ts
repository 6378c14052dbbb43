// A cPanel API token against the named server: token check, the account's own Webmail, one mailbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountChecks } from './accountChecks';
import { cpanelFidelityChecks } from './fidelity';
import {
  expectedOrigins,
  extensionPageErrors,
  type LiveSession,
  leakingUrls,
  liveConfig,
  loginUrls,
  openSignedIn,
  startLiveSession,
} from './harness';

const config = liveConfig();
const target = config.cpanel;

describe.skipIf(!target)('live: cPanel token', () => {
  if (!target) return;
  let live: LiveSession;
  const webmail = expectedOrigins(config, target.host, target.port, 'webmaild');

  beforeAll(async () => {
    live = await startLiveSession(config);
  });
  afterAll(() => live?.close());

  const accountId = accountChecks(() => live, config, { kind: 'cpanel', ...target });

  it('lists the named mailbox', async () => {
    const reply = await live.send({ type: 'mailboxes.list', accountId: accountId(), refresh: true });
    if (!reply.ok) throw new Error(`mailboxes.list answered ${reply.error.code}: ${reply.error.message}`);
    const emails = reply.mailboxes.map((mailbox) => mailbox.email.toLowerCase());
    expect(emails.includes(target.mailbox), 'LIVE_MAILBOX is among the account’s mailboxes').toBe(true);
  });

  it('opens the account’s own Webmail, signed in', async () => {
    const { tab } = await openSignedIn(
      live,
      config,
      { type: 'webmail.open', accountId: accountId() },
      { service: 'webmaild', origins: webmail, user: target.user, screenshot: 'cpanel-webmail-self' },
    );
    await tab.close();
  });

  it('opens Webmail for the named mailbox, signed in', async () => {
    const { tab } = await openSignedIn(
      live,
      config,
      { type: 'webmail.open', accountId: accountId(), email: target.mailbox },
      { service: 'webmaild', origins: webmail, user: target.mailbox, screenshot: 'cpanel-webmail-mailbox' },
    );
    await tab.close();
  });

  cpanelFidelityChecks(() => live, config, target, accountId);

  it('never puts a session string or a token in a requested URL', () => {
    expect(live.landings, 'signed-in tabs').toBeGreaterThan(0);
    expect(loginUrls(live).length, 'login POSTs seen').toBeGreaterThanOrEqual(live.landings);
    expect(leakingUrls(live.browser.requestedUrls, config)).toEqual([]);
    expect(extensionPageErrors(live)).toEqual([]);
  });
});
