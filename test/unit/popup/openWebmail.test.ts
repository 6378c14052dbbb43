import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const send = vi.fn();
vi.mock('../../../src/messages/client', () => ({ send: (request: unknown) => send(request) }));

import { openWebmail } from '../../../src/popup/openWebmail';

const LOGIN = { url: 'https://a.example.com:2096/cpsess1234567890/login', session: 'u:abc,0123' };

/** The forms the popup submitted, as the browser would see them (node has no DOM). */
function fakeDocument() {
  const submitted: { action: string; method: string; target: string; rel: string; fields: object }[] = [];
  const element = () => {
    const node = { children: [] as { name: string; value: string }[] } as Record<string, unknown>;
    node.append = (child: { name: string; value: string }) => (node.children as unknown[]).push(child);
    node.remove = () => undefined;
    node.submit = () =>
      submitted.push({
        action: node.action as string,
        method: node.method as string,
        target: node.target as string,
        rel: node.rel as string,
        fields: Object.fromEntries(
          (node.children as { name: string; value: string }[]).map((f) => [f.name, f.value]),
        ),
      });
    return node;
  };
  vi.stubGlobal('document', { createElement: element, body: { append: () => undefined } });
  return submitted;
}

describe('openWebmail in the popup', () => {
  beforeEach(() => {
    send.mockReset();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks for a prepared login and posts it into a new tab, the session in the body only', async () => {
    const submitted = fakeDocument();
    send.mockResolvedValue({ login: { ...LOGIN, fields: { goto_uri: '/x' } } });
    await openWebmail({ accountId: 'a1', email: 'info@example.com' });
    expect(send).toHaveBeenCalledWith({
      type: 'webmail.open',
      accountId: 'a1',
      email: 'info@example.com',
      acceptsLogin: true,
    });
    expect(submitted).toEqual([
      {
        action: LOGIN.url,
        method: 'POST',
        target: '_blank',
        rel: 'noopener',
        fields: { goto_uri: '/x', session: LOGIN.session },
      },
    ]);
  });

  it('posts nothing when the worker opened the launch tab', async () => {
    const submitted = fakeDocument();
    send.mockResolvedValue({ tabId: 4 });
    await openWebmail({ accountId: 'a2' });
    expect(submitted).toEqual([]);
  });
});
