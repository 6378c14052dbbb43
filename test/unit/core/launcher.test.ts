import { describe, expect, it } from 'vitest';
import { Launcher, REPEAT_WINDOW_MS } from '../../../src/core/launcher';
import { LauncherError } from '../../../src/cpanel/errors';
import type { LoginRequest } from '../../../src/cpanel/login';

const LOGIN: LoginRequest = { url: 'https://server.example.com:2096/cpsess1/login', session: 's' };

function setup() {
  const opened: string[] = [];
  const closed = new Set<number>();
  const clock = { now: 0 };
  const launcher = new Launcher(
    { open: async (url) => opened.push(url), reveal: async (tabId) => !closed.has(tabId) },
    (id) => `chrome-extension://x/launch#${id}`,
    () => clock.now,
  );
  return { launcher, opened, closed, clock, idOf: (n: number) => opened[n]?.split('#')[1] ?? '' };
}

const counting = () => {
  const login = async () => {
    login.calls += 1;
    return LOGIN;
  };
  login.calls = 0;
  return login;
};

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
    await launcher.launch('b', login);
    expect(calls).toBe(2);
  });

  it('answers a repeat just after a sign-in with the tab it opened', async () => {
    const { launcher, opened, clock } = setup();
    const login = counting();
    const first = await launcher.launch('a', login);
    clock.now += REPEAT_WINDOW_MS - 1;
    expect(await launcher.launch('a', login)).toEqual(first);
    expect(login.calls).toBe(1);
    expect(opened).toHaveLength(1);
  });

  it('signs in anew once the repeat window has passed', async () => {
    const { launcher, opened, clock } = setup();
    const login = counting();
    await launcher.launch('a', login);
    clock.now += REPEAT_WINDOW_MS;
    expect(await launcher.launch('a', login)).toEqual({ tabId: 2 });
    expect(login.calls).toBe(2);
    expect(opened).toHaveLength(2);
  });

  it('signs in anew when the first tab was closed, even within the window', async () => {
    const { launcher, closed } = setup();
    const login = counting();
    const { tabId } = await launcher.launch('a', login);
    closed.add(tabId);
    expect(await launcher.launch('a', login)).toEqual({ tabId: 2 });
    expect(login.calls).toBe(2);
  });

  it('does not hold on to a failure: the next trigger tries again', async () => {
    const { launcher } = setup();
    const failure = new LauncherError('network', 'down');
    await expect(launcher.launch('a', () => Promise.reject(failure))).rejects.toBe(failure);
    const login = counting();
    await launcher.launch('a', login);
    expect(login.calls).toBe(1);
  });

  it('passes a failure to both the caller and the launch page', async () => {
    const { launcher, idOf } = setup();
    const failure = new LauncherError('auth_failed', 'rejected');
    await expect(launcher.launch('a', () => Promise.reject(failure))).rejects.toBe(failure);
    await expect(launcher.claim(idOf(0))).rejects.toBe(failure);
  });
});
