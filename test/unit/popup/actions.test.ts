import { beforeEach, describe, expect, it, vi } from 'vitest';

const send = vi.fn();
vi.mock('../../../src/messages/client', () => ({ send: (request: unknown) => send(request) }));

const { openWebmail, prepare } = await import('../../../src/popup/actions');

const sentTypes = () => send.mock.calls.map(([request]) => (request as { type: string }).type);

describe('prepare in the popup', () => {
  beforeEach(() => {
    send.mockReset();
    send.mockResolvedValue({});
  });

  it('asks the worker to prepare a target not opened yet', () => {
    prepare('a1', 'info@example.com');
    expect(send).toHaveBeenCalledWith({
      type: 'webmail.prepare',
      accountId: 'a1',
      email: 'info@example.com',
    });
  });

  it('prepares nothing for a target the popup has already opened', async () => {
    await openWebmail('a2');
    prepare('a2');
    expect(sentTypes()).toEqual(['webmail.open']);
  });

  it('still prepares the account’s other mailboxes after opening its own Webmail', async () => {
    await openWebmail('a3');
    prepare('a3', 'info@example.com');
    expect(sentTypes()).toEqual(['webmail.open', 'webmail.prepare']);
  });
});
