// mailto: URIs (RFC 6068) in, Roundcube compose paths out. Pure: runs in Node tests as is.

/** The parts of a message a mailto: URI can fill in. */
export interface MailDraft {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
}

/**
 * The longest `goto_uri` this builds. It comes back from the login as a `Location` header and is then the
 * request line of the next GET, so it stays well below the 8 KiB request line that common web servers
 * (Apache's LimitRequestLine 8190) accept; cpsrvd's own limit is not documented, so the number is a guess
 * with room to spare. A longer body is cut to fit and ends in a note saying so.
 */
export const MAX_COMPOSE_URI_LENGTH = 6000;

/** Roundcube's compose screen, below the session token (cPanel's goto_uri is relative to it). */
export const ROUNDCUBE_COMPOSE_PATH = '/3rdparty/roundcube/?_task=mail&_action=compose';
/** Roundcube's inbox, for accounts that open Webmail straight in Roundcube. */
export const ROUNDCUBE_INBOX_PATH = '/3rdparty/roundcube/?_task=mail&_mbox=INBOX';

// A field repeated this often is not a real link; the rest is dropped.
const MAX_RECIPIENTS = 100;
const MAX_RECIPIENT_LENGTH = 320;

/** Percent-decoding that never throws: a malformed escape is kept as it was written. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** One header's addresses: comma-separated, each trimmed, a `mailto:` prefix dropped, empties skipped. */
function recipients(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim().replace(/^(?:mailto:)+/i, ''))
    .filter((part) => part !== '' && part.length <= MAX_RECIPIENT_LENGTH);
}

/**
 * Reads `input` as a `mailto:` URI (RFC 6068: recipients before `?`, then `to`, `cc`, `bcc`, `subject`, `body`
 * header fields in any case, each percent-decoded; `+` is a plus sign, not a space) or, without the scheme,
 * as a comma-separated list of addresses. Unknown header fields are ignored; a repeated `subject` or `body`
 * keeps its first value, repeated `to`, `cc` and `bcc` add up.
 */
export function parseMailto(input: string): MailDraft {
  const draft: MailDraft = { to: [], cc: [], bcc: [], subject: '', body: '' };
  const text = input.trim();
  if (!/^mailto:/i.test(text)) {
    draft.to = recipients(text);
    return draft;
  }
  const rest = text.slice('mailto:'.length).split('#')[0] ?? '';
  const question = rest.indexOf('?');
  const head = question < 0 ? rest : rest.slice(0, question);
  const query = question < 0 ? '' : rest.slice(question + 1);
  draft.to.push(...recipients(decode(head)));
  let subject: string | undefined;
  let body: string | undefined;
  for (const field of query.split('&')) {
    const equals = field.indexOf('=');
    if (equals < 1) continue;
    const name = decode(field.slice(0, equals)).toLowerCase();
    const value = decode(field.slice(equals + 1));
    if (name === 'to' || name === 'cc' || name === 'bcc') draft[name].push(...recipients(value));
    else if (name === 'subject') subject ??= value;
    else if (name === 'body') body ??= value;
  }
  for (const name of ['to', 'cc', 'bcc'] as const) draft[name] = draft[name].slice(0, MAX_RECIPIENTS);
  draft.subject = subject ?? '';
  draft.body = body ?? '';
  return draft;
}

/**
 * A query value no one can read as more than one value: encodeURIComponent leaves only letters, digits and
 * `-_.!~*'()`, and dots are escaped too so that a body with `..` is never taken for a path traversal.
 */
function queryValue(text: string): string {
  return encodeURIComponent(text).replaceAll('.', '%2E');
}

/**
 * Roundcube reads `_to` as a possible mailto: URI (program/actions/mail/compose.php, process_compose_params):
 * it splits it at the first `?` and takes everything after it as more parameters, then rawurldecodes the
 * addresses. `%` and `?` in an address are therefore escaped once more, so they come back as themselves and
 * never open a query of their own.
 */
function toValue(addresses: string[]): string {
  return addresses
    .join(', ')
    .replaceAll('%', '%25')
    .replaceAll('?', '%3F')
    .replace(/^mailto:/i, 'mailto%3A');
}

function buildPath(draft: MailDraft, body: string): string {
  let path = ROUNDCUBE_COMPOSE_PATH;
  if (draft.to.length > 0) path += `&_to=${queryValue(toValue(draft.to))}`;
  if (draft.cc.length > 0) path += `&_cc=${queryValue(draft.cc.join(', '))}`;
  if (draft.bcc.length > 0) path += `&_bcc=${queryValue(draft.bcc.join(', '))}`;
  if (draft.subject !== '') path += `&_subject=${queryValue(draft.subject)}`;
  if (body !== '') path += `&_body=${queryValue(body)}`;
  return path;
}

export interface ComposePath {
  /** The goto_uri: a path below the session token. */
  path: string;
  /** Whether the body had to be shortened. */
  cut: boolean;
}

/**
 * Roundcube's compose path for `draft`, at most `maxLength` characters. A body that does not fit is cut at a
 * character boundary, and `note` (e.g. "[shortened]") is appended on a line of its own; everything else
 * must fit, or this returns undefined.
 */
export function composePath(
  draft: MailDraft,
  note: string,
  maxLength = MAX_COMPOSE_URI_LENGTH,
): ComposePath | undefined {
  const whole = buildPath(draft, draft.body);
  if (whole.length <= maxLength) return { path: whole, cut: false };
  if (buildPath(draft, '').length > maxLength) return undefined;
  const characters = Array.from(draft.body);
  const shortened = (count: number) => `${characters.slice(0, count).join('').trimEnd()}\n\n${note}`;
  // The longest prefix that fits, found by bisection: the encoded length grows with the prefix.
  let low = 0;
  let high = characters.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (buildPath(draft, shortened(middle)).length <= maxLength) low = middle;
    else high = middle - 1;
  }
  const path = buildPath(draft, shortened(low));
  if (path.length > maxLength) return { path: buildPath(draft, ''), cut: true };
  return { path, cut: true };
}
