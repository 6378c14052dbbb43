import { describe, expect, it } from 'vitest';
import { findAddress, parseAddress } from '../../../src/cpanel/address';

describe('parseAddress', () => {
  it('splits login (local part only) and domain', () => {
    expect(parseAddress(' Info@Example.com ')).toEqual({ login: 'info', domain: 'example.com' });
  });

  it.each(['info', '@example.com', 'info@', 'info@localhost', 'a b@example.com', 'info@exa mple.com'])(
    'rejects %j as bad_input',
    (text) => expect(() => parseAddress(text)).toThrow(expect.objectContaining({ code: 'bad_input' })),
  );
});

describe('findAddress', () => {
  it('finds the first address in free text', () => {
    expect(findAddress('Write to Sales@Example.com today')).toBe('sales@example.com');
    expect(findAddress('no address here')).toBeUndefined();
  });
});
