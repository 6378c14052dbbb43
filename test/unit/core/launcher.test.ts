import { describe, expect, it } from 'vitest';
import { Launcher } from '../../../src/core/launcher';
import { LauncherError } from '../../../src/cpanel/errors';
import type { LoginRequest } from '../../../src/cpanel/login';

const LOGIN: LoginRequest = { url: 'https://server.example.com:2096/cpsess1/login', session: 's' };

function setup() {
  const opened: string[] = [];
  const launcher = new Launcher(
    { open: async (url) => opened.push(url) },
    (id) => `chrome-extension://x/launch#${id}`,
  );
  return { launcher, opened, idOf: (n: number) => opened[n]?.split('#')[1] ?? '' };
}

describe('Launcher', () => {
  it('opens the launch tab and hands it the login request exactly once', async () => {
    const { launcher, opened, idOf } = setup();
    expect(await launcher.launch('a', async () => LOGIN)).toEqual({ tabId: 1 });
    expect(opened[0]).not.toContain('session');
    expect(await launcher.claim(idOf(0))).toEqual(LOGIN);
    await expect(launcher.claim(idOf(0))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('opens the tab before the API answers', async () => {
    const { launcher, opened } = setup();
    let answer: (login: LoginRequest) => void = () => undefined;
    const launch = launcher.launch('a', () => new Promise((resolve) => (answer = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(opened).toHaveLength(1);
    answer(LOGIN);
    await launch;
  });

  it('shares one tab and one call between two launches of the same key', async () => {
    const { launcher, opened } = setup();
    let calls = 0;
    const login = async () => {
      calls += 1;
      return LOGIN;
    };
    const [first, second] = await Promise.all([launcher.launch('a', login), launcher.launch('a', login)]);
    expect(first).toEqual(second);
    expect(calls).toBe(1);
    expect(opened).toHaveLength(1);
    await launcher.launch('a', login);
    expect(calls).toBe(2);
  });

  it('passes a failure to both the caller and the launch page', async () => {
    const { launcher, idOf } = setup();
    const failure = new LauncherError('auth_failed', 'rejected');
    await expect(launcher.launch('a', () => Promise.reject(failure))).rejects.toBe(failure);
    await expect(launcher.claim(idOf(0))).rejects.toBe(failure);
  });
});
