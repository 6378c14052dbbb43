// Roundcube behind a Webmail session: /cpsessN/3rdparty/roundcube/ — the inbox, and the compose screen that
// mailto: links and the context menu land on.
import { randomInt } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { redirect, sendHtml } from './http';
import { escapeHtml, landing, roundcubePage } from './pages';
import { randomHex } from './random';

const ROUNDCUBE_PATHS = ['/3rdparty/roundcube/', '/3rdparty/roundcube/index.php'];

export function isRoundcubePath(rest: string): boolean {
  return ROUNDCUBE_PATHS.includes(rest);
}

/** A compose screen's parameters, kept server-side under its `_id` as Roundcube keeps them in the session. */
interface Draft {
  user: string;
  params: Map<string, string>;
}

const drafts = new Map<string, Draft>();
// Old drafts are dropped; an emulator run opens a handful.
const MAX_DRAFTS = 200;

/** The header fields a mailto: URI in `_to` may carry (compose.php's `$url_tokens`). */
const URL_TOKENS = ['to', 'cc', 'bcc', 'reply-to', 'in-reply-to', 'references', 'subject', 'body'];

/** PHP's rawurldecode: `%XX` only, `+` stays a plus; malformed escapes stay as they are. */
function rawurldecode(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/**
 * The compose parameters as Roundcube reads them (program/actions/mail/compose.php): every `_name` query
 * parameter but `_task` and `_action` (rcube_utils::request2param), then process_compose_params: `_to` is
 * split at its first `?`, `mailto:` is removed from the address part, which is rawurldecoded, and the part
 * after the `?` is read as a query whose names become parameters too (known header names case-insensitively;
 * `to` there adds recipients).
 */
export function composeParams(query: URLSearchParams): Map<string, string> {
  const params = new Map<string, string>();
  for (const [name, value] of query) {
    if (!name.startsWith('_') || name === '_task' || name === '_action') continue;
    params.set(name.slice(1), value);
  }
  const to = params.get('to');
  if (to) {
    const question = to.indexOf('?');
    const head = question < 0 ? to : to.slice(0, question);
    params.set('to', rawurldecode(head.replace(/^mailto:/i, '')));
    if (question >= 0) {
      for (const [rawName, value] of new URLSearchParams(to.slice(question + 1))) {
        const name = URL_TOKENS.includes(rawName.toLowerCase()) ? rawName.toLowerCase() : rawName;
        if (name === 'to') params.set('to', [params.get('to'), value].filter(Boolean).join(', '));
        else params.set(name, value);
      }
    }
  }
  return params;
}

function field(label: string, name: string, value: string): string {
  return `<div class="meta">${escapeHtml(label)}: <div data-testid="compose-${name}">${escapeHtml(value)}</div></div>`;
}

function composePage(draft: Draft): string {
  const value = (name: string) => draft.params.get(name) ?? '';
  const names = [...draft.params.keys()].sort().join(' ');
  return landing(
    `Roundcube Webmail :: Compose - ${draft.user}`,
    'webmaild',
    'Roundcube Webmail',
    draft.user,
    `<section class="content" data-testid="compose">
<h1>Compose</h1>
${field('To', 'to', value('to'))}
${field('Cc', 'cc', value('cc'))}
${field('Bcc', 'bcc', value('bcc'))}
${field('Subject', 'subject', value('subject'))}
<textarea data-testid="compose-body" rows="8" cols="60" readonly>${escapeHtml(value('body'))}</textarea>
<div class="meta">Parameters: <div data-testid="compose-params">${escapeHtml(names)}</div></div>
<div class="meta">Client: <div data-testid="webmail-client">roundcube</div></div>
</section>`,
  );
}

/**
 * GET /cpsessN/3rdparty/roundcube/…, signed in as `user`. A compose request with parameters is stored and
 * redirected to `?_task=mail&_action=compose&_id=…`, as compose.php does ("redirect to a unique URL with all
 * parameters stored in session"), so the fields leave the URL; that URL then shows them. Anything else is the
 * inbox.
 */
export function serveRoundcube(
  res: ServerResponse,
  token: string,
  query: URLSearchParams,
  user: string,
): void {
  if (query.get('_task') !== 'mail' || query.get('_action') !== 'compose') {
    sendHtml(res, 200, roundcubePage(user));
    return;
  }
  const id = query.get('_id');
  if (id !== null) {
    const draft = drafts.get(id);
    // An unknown or someone else's id: Roundcube shows an empty compose screen.
    sendHtml(res, 200, composePage(draft?.user === user ? draft : { user, params: new Map() }));
    return;
  }
  const newId = `${randomInt(1e9)}${randomHex(6)}`;
  drafts.set(newId, { user, params: composeParams(query) });
  if (drafts.size > MAX_DRAFTS) drafts.delete(drafts.keys().next().value as string);
  redirect(res, `${token}/3rdparty/roundcube/?_task=mail&_action=compose&_id=${newId}`);
}
