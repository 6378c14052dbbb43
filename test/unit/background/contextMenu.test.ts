import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { addressFromClick } = await import('../../../src/background/contextMenu');

describe('addressFromClick', () => {
  it.each([
    [{ linkUrl: 'mailto:Info@Example.com' }, 'info@example.com'],
    [{ linkUrl: 'MAILTO:a@example.com,b@example.com?subject=x' }, 'a@example.com'],
    [{ linkUrl: 'mailto:%20sales%40example.com' }, 'sales@example.com'],
    [{ linkUrl: 'mailto:%E0%A4%A', selectionText: 'or x@example.org' }, 'x@example.org'],
    [{ selectionText: 'Write to support@example.net, thanks' }, 'support@example.net'],
    [{ linkUrl: 'https://example.com/', selectionText: 'no address' }, undefined],
    [{}, undefined],
  ])('reads %j as %s', (info, expected) => {
    expect(addressFromClick(info)).toBe(expected);
  });
});

const { composeTargetFromClick } = await import('../../../src/background/contextMenu');

describe('composeTargetFromClick', () => {
  it.each([
    // A mailto: link is written to as a whole: its subject, cc and body come along.
    [
      { linkUrl: 'mailto:a@example.com?subject=Hi&cc=b@example.com' },
      'mailto:a@example.com?subject=Hi&cc=b@example.com',
    ],
    [{ linkUrl: 'mailto:?subject=no recipient', selectionText: 'x@example.org' }, 'x@example.org'],
    [{ selectionText: 'Write to Support@Example.net, thanks' }, 'support@example.net'],
    [{ linkUrl: 'https://example.com/', selectionText: 'no address' }, undefined],
    [{}, undefined],
  ])('writes %j to %s', (info, expected) => {
    expect(composeTargetFromClick(info)).toBe(expected);
  });
});
