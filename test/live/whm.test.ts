// A WHM API token against the named server: token check, then Webmail, cPanel and WHM sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountChecks } from './accountChecks';
import { whmFidelityChecks } from './fidelity';
import {
  expectedOrigins,
  extensionPageErrors,
  type LiveSession,
  leakingUrls,
  liveConfig,
  loginUrls,
  openSignedIn,
  type Service,
  startLiveSession,
} from './harness';

const config = liveConfig();
const target = config.whm;

describe.skipIf(!target)('live: WHM token', () => {
  if (!target) return;
  let live: LiveSession;
  const origins = (service: Service) => expectedOrigins(config, target.host, target.port, service);

  beforeAll(async () => {
    live = await startLiveSession(config);
  });
  afterAll(() => live?.close());

  const accountId = accountChecks(() => live, config, { kind: 'whm', ...target });

  it('opens a Webmail session for a mailbox, signed in', async () => {
    const { tab } = await openSignedIn(
      live,
      config,
      { type: 'session.open', accountId: accountId(), service: 'webmaild', user: target.webmailUser },
      {
        service: 'webmaild',
        origins: origins('webmaild'),
        user: target.webmailUser,
        screenshot: 'whm-webmail',
      },
    );
    await tab.close();
  });

  it('opens a cPanel session for a user, signed in on cPanel Home', async () => {
    const { tab } = await openSignedIn(
      live,
      config,
      { type: 'session.open', accountId: accountId(), service: 'cpaneld', user: target.cpanelUser },
      { service: 'cpaneld', origins: origins('cpaneld'), user: target.cpanelUser, screenshot: 'whm-cpanel' },
    );
    await tab.close();
  });

  it('opens a cPanel session straight into Email Accounts', async () => {
    const { tab } = await openSignedIn(
      live,
      config,
      {
        type: 'session.open',
        accountId: accountId(),
        service: 'cpaneld',
        user: target.cpanelUser,
        app: 'Email_Accounts',
      },
      {
        service: 'cpaneld',
        origins: origins('cpaneld'),
        user: target.cpanelUser,
        pathIncludes: /\/email_accounts\//i,
        screenshot: 'whm-cpanel-email-accounts',
      },
    );
    await tab.close();
  });

  it('opens a WHM session for the token’s own user, signed in', async () => {
    const { tab } = await openSignedIn(
      live,
      config,
      { type: 'session.open', accountId: accountId(), service: 'whostmgrd' },
      { service: 'whostmgrd', origins: origins('whostmgrd'), user: target.user, screenshot: 'whm-whm' },
    );
    await tab.close();
  });

  whmFidelityChecks(() => live, config, target);

  it('never puts a session string or a token in a requested URL', () => {
    expect(live.landings, 'signed-in tabs').toBeGreaterThan(0);
    expect(loginUrls(live).length, 'login POSTs seen').toBeGreaterThanOrEqual(live.landings);
    expect(leakingUrls(live.browser.requestedUrls, config)).toEqual([]);
    expect(extensionPageErrors(live)).toEqual([]);
  });
});
