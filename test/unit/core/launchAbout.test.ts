import { describe, expect, it } from 'vitest';
import { LauncherError } from '../../../src/cpanel/errors';
import { launchIdOf } from '../../support/fakeTabs';
import { openersWorld } from '../../support/openersWorld';
import { uapiOk } from '../../support/routedFetch';
import { TEST_TOKEN } from '../../support/tokens';

// What the launch page learns about its sign-in (launch.about), Try again in the same tab, and failures that
// name their account for notifications.
const webmailSession = uapiOk({ hostname: null, session: 'u:abc:T,0123', token: '/cpsess1234567890' });

async function setup(answer: unknown = webmailSession) {
  const { openers, launcher, tabs, add } = openersWorld({
    routes: {
      '/execute/Session/create_webmail_session_for_self': answer,
      '/execute/Session/create_webmail_session_for_mail_user': answer,
    },
  });
  const id = await add({ label: 'Main' });
  const { opened, navigated } = tabs;
  return { openers, launcher, opened, navigated, id, launchId: launchIdOf };
}

describe('launch about', () => {
  it('tells the launch page the account, service, user and how to run it again, and no secret', async () => {
    const { openers, launcher, opened, id, launchId } = await setup();
    await openers.openWebmail({ accountId: id, email: 'info@example.com' });
    const about = launcher.about(launchId(opened[0]));
    expect(about).toEqual({
      label: 'Main',
      host: 'a.example.com',
      service: 'webmaild',
      user: 'info@example.com',
      retry: { type: 'webmail.open', accountId: id, email: 'info@example.com' },
    });
    expect(JSON.stringify(about)).not.toContain(TEST_TOKEN);
    // Still known after the claim: a failed page may be retried later.
    await launcher.claim(launchId(opened[0]));
    expect(launcher.about(launchId(opened[0])).user).toBe('info@example.com');
  });

  it('says the cPanel user for an account’s own Webmail', async () => {
    const { openers, launcher, opened, id, launchId } = await setup();
    await openers.openWebmail({ accountId: id });
    expect(launcher.about(launchId(opened[0]))).toMatchObject({ user: 'demo', service: 'webmaild' });
  });

  it('answers not_found for an unknown launch', async () => {
    const { launcher } = await setup();
    expect(() => launcher.about('nope')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('Try again signs in in the same tab, with a new launch id', async () => {
    const { openers, opened, navigated, id, launchId } = await setup();
    await openers.openWebmail({ accountId: id });
    const reply = await openers.openWebmail({ accountId: id, inTab: 7 });
    expect(reply).toEqual({ tabId: 7 });
    expect(opened).toHaveLength(1);
    expect(navigated).toHaveLength(1);
    expect(navigated[0]?.[0]).toBe(7);
    expect(launchId(navigated[0]?.[1])).not.toBe(launchId(opened[0]));
  });

  it('a failed sign-in names its account', async () => {
    const { openers, id } = await setup(new Response('Access denied', { status: 403 }));
    const failure = await openers.openWebmail({ accountId: id }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LauncherError);
    expect((failure as LauncherError).account).toEqual({ label: 'Main', host: 'a.example.com' });
  });
});
