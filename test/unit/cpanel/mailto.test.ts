import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  composePath,
  MAX_COMPOSE_URI_LENGTH,
  type MailDraft,
  parseMailto,
  ROUNDCUBE_COMPOSE_PATH,
} from '../../../src/cpanel/mailto';

const NOTE = '[shortened]';

/** The query of a compose path as PHP's $_GET would see it (URLSearchParams decodes the same way). */
function query(path: string): URLSearchParams {
  return new URL(path, 'https://webmail.example.com/cpsess1').searchParams;
}

/**
 * What Roundcube makes of `_to` (program/actions/mail/compose.php, process_compose_params): the part before
 * the first `?`, `mailto:` removed, rawurldecoded; the part after it would be read as more parameters.
 */
function roundcubeTo(value: string): { to: string; extra: string | undefined } {
  const [head = '', extra] = value.split(/\?(.*)/s);
  return { to: decodeURIComponent(head.replace(/^mailto:/i, '')), extra };
}

const empty: MailDraft = { to: [], cc: [], bcc: [], subject: '', body: '' };

describe('parseMailto', () => {
  it('reads recipients, to=, cc, bcc, subject and body of an RFC 6068 URI', () => {
    expect(
      parseMailto(
        'mailto:a@example.com,%20b@example.com?To=c@example.com&cc=d@example.com,e@example.com' +
          '&bcc=f@example.com&subject=Hello%20there&body=Line%201%0D%0ALine%202&x-unknown=1',
      ),
    ).toEqual({
      to: ['a@example.com', 'b@example.com', 'c@example.com'],
      cc: ['d@example.com', 'e@example.com'],
      bcc: ['f@example.com'],
      subject: 'Hello there',
      body: 'Line 1\r\nLine 2',
    });
  });

  it('keeps + as a plus, and a field’s & and = as text once decoded', () => {
    const draft = parseMailto('MAILTO:a+tag@example.com?subject=a%26_task%3Dsettings&body=1+1%3D2');
    expect(draft).toMatchObject({ to: ['a+tag@example.com'], subject: 'a&_task=settings', body: '1+1=2' });
  });

  it('takes the first subject, adds up repeated recipients, survives malformed escapes', () => {
    const draft = parseMailto('mailto:?to=a@example.com&subject=one&subject=two&to=b@example.com&body=100%');
    expect(draft).toEqual({ ...empty, to: ['a@example.com', 'b@example.com'], subject: 'one', body: '100%' });
  });

  it('reads a plain address or list without the scheme', () => {
    expect(parseMailto(' info@example.com ')).toEqual({ ...empty, to: ['info@example.com'] });
    expect(parseMailto('')).toEqual(empty);
  });
});

describe('composePath', () => {
  it('builds Roundcube’s compose path with every field encoded', () => {
    const draft = parseMailto('mailto:a@example.com?cc=b@example.com&subject=Hi%20%26%20bye&body=x');
    const built = composePath(draft, NOTE);
    expect(built?.cut).toBe(false);
    expect(built?.path.startsWith(`${ROUNDCUBE_COMPOSE_PATH}&`)).toBe(true);
    const params = query(built?.path ?? '');
    expect([...params.keys()]).toEqual(['_task', '_action', '_to', '_cc', '_subject', '_body']);
    expect(params.get('_subject')).toBe('Hi & bye');
  });

  it('leaves out empty fields', () => {
    expect(composePath(empty, NOTE)?.path).toBe(ROUNDCUBE_COMPOSE_PATH);
  });

  it('keeps ? and % in an address from opening a query of its own in Roundcube', () => {
    const built = composePath({ ...empty, to: ['odd?_task=settings%41@example.com'] }, NOTE);
    const value = query(built?.path ?? '').get('_to') ?? '';
    expect(roundcubeTo(value)).toEqual({ to: 'odd?_task=settings%41@example.com', extra: undefined });
  });

  it('cuts a long body to fit, at a character boundary, with the note', () => {
    const body = '😀é'.repeat(5000);
    const built = composePath({ ...empty, to: ['a@example.com'], body }, NOTE);
    expect(built?.cut).toBe(true);
    expect(built?.path.length).toBeLessThanOrEqual(MAX_COMPOSE_URI_LENGTH);
    const kept = query(built?.path ?? '').get('_body') ?? '';
    expect(kept.endsWith(`\n\n${NOTE}`)).toBe(true);
    const prefix = kept.slice(0, -`\n\n${NOTE}`.length);
    expect(body.startsWith(prefix)).toBe(true);
    expect(prefix.length).toBeGreaterThan(500);
    // The whole URI stays decodable: no escape was cut in half.
    expect(() => decodeURIComponent(built?.path ?? '')).not.toThrow();
  });

  it('gives up when the fields besides the body cannot fit', () => {
    expect(composePath({ ...empty, subject: 'x'.repeat(7000) }, NOTE)).toBeUndefined();
  });
});

// Recipients as a mailto: URI can carry them: no comma (it separates them), no surrounding space.
const recipient = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
  .map((text) =>
    text
      .replaceAll(',', '')
      .trim()
      .replace(/^(?:mailto:)+/i, ''),
  )
  .filter((text) => text !== '');
const draftArbitrary: fc.Arbitrary<MailDraft> = fc.record({
  to: fc.array(recipient, { maxLength: 4 }),
  cc: fc.array(recipient, { maxLength: 3 }),
  bcc: fc.array(recipient, { maxLength: 3 }),
  subject: fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.constantFrom('a&_task=settings', 'x&_to=evil@example.com', '?_action=show#', '../..'),
  ),
  body: fc.string({ unit: 'grapheme', maxLength: 200 }),
});

function mailtoOf(draft: MailDraft): string {
  const list = (values: string[]) => values.map(encodeURIComponent).join(',');
  const fields = [
    ...(draft.cc.length ? [`cc=${list(draft.cc)}`] : []),
    ...(draft.bcc.length ? [`bcc=${list(draft.bcc)}`] : []),
    ...(draft.subject ? [`subject=${encodeURIComponent(draft.subject)}`] : []),
    ...(draft.body ? [`body=${encodeURIComponent(draft.body)}`] : []),
  ];
  return `mailto:${list(draft.to)}${fields.length ? `?${fields.join('&')}` : ''}`;
}

describe('compose properties', () => {
  it('reads back every field of a mailto: URI it was given', () => {
    fc.assert(
      fc.property(draftArbitrary, (draft) => {
        expect(parseMailto(mailtoOf(draft))).toEqual(draft);
      }),
      { numRuns: 2000 },
    );
  });

  it('no field can add or change a parameter, in the URL or in Roundcube’s reading of _to', () => {
    fc.assert(
      fc.property(draftArbitrary, (draft) => {
        const built = composePath(draft, NOTE);
        if (!built) throw new Error('a short draft must fit');
        const params = query(built.path);
        const expected = [
          ['_task', 'mail'],
          ['_action', 'compose'],
          ...(draft.to.length ? [['_to', draft.to.join(', ')]] : []),
          ...(draft.cc.length ? [['_cc', draft.cc.join(', ')]] : []),
          ...(draft.bcc.length ? [['_bcc', draft.bcc.join(', ')]] : []),
          ...(draft.subject ? [['_subject', draft.subject]] : []),
          ...(draft.body ? [['_body', draft.body]] : []),
        ];
        const actual = [...params.entries()].map(([name, value]) =>
          name === '_to' ? [name, roundcubeTo(value).to] : [name, value],
        );
        expect(actual).toEqual(expected);
        if (draft.to.length) expect(roundcubeTo(params.get('_to') ?? '').extra).toBeUndefined();
        // A path below the session token: one leading slash, no fragment, no traversal, nothing raw.
        expect(built.path).toMatch(/^\/3rdparty\/roundcube\/\?[A-Za-z0-9_=&%!~*'()-]*$/);
        expect(built.path).not.toContain('..');
      }),
      { numRuns: 3000 },
    );
  });

  it('always fits the limit, cutting only the body', () => {
    fc.assert(
      fc.property(
        draftArbitrary,
        fc.string({ unit: 'grapheme', minLength: 1000, maxLength: 4000 }),
        (draft, long) => {
          const body = long.repeat(3);
          const built = composePath({ ...draft, body }, NOTE);
          if (!built) throw new Error('a short draft must fit');
          expect(built.path.length).toBeLessThanOrEqual(MAX_COMPOSE_URI_LENGTH);
          const kept = query(built.path).get('_body') ?? '';
          if (built.cut) expect(kept.endsWith(NOTE)).toBe(true);
          else expect(kept).toBe(body);
          expect(query(built.path).get('_subject') ?? '').toBe(draft.subject);
        },
      ),
      { numRuns: 100 },
    );
  });
});
