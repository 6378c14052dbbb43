import english from '../../public/_locales/en/messages.json' with { type: 'json' };

/** Every message name, taken from the English catalogue: a key that is not there does not compile. */
export type MessageKey = keyof typeof english;

/** One entry of a `messages.json`. */
export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** Looks a message up in the user's language; '' when it has none. */
export type MessageSource = (key: MessageKey, substitutions: string[]) => string;

let source: MessageSource | undefined;

/** Set by `./t` to `browser.i18n.getMessage`; pure code (errors in src/cpanel) renders through it. */
export function setMessageSource(next: MessageSource | undefined): void {
  source = next;
}

// Builds drop the English fallback, and the catalogue with it: the browser has its own copy of every locale.
const PRODUCTION = (import.meta as { env?: { PROD?: boolean } }).env?.PROD === true;

/** The message in the user's language; English from the catalogue where there is no browser (Node). */
export function render(key: MessageKey, substitutions: readonly string[] = []): string {
  const text = source?.(key, [...substitutions]);
  if (text) return text;
  if (PRODUCTION) return [key, ...substitutions].join(' ');
  return formatMessage(english[key], substitutions);
}

/**
 * What `i18n.getMessage` does with an entry: each `$name$` becomes its placeholder's content, then `$1`…`$9`
 * the substitutions and `$$` a dollar sign, in one pass so a substitution is never read as a template.
 */
export function formatMessage(entry: MessageEntry, substitutions: readonly string[]): string {
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]),
  );
  const template = entry.message.replace(
    /\$([a-z0-9_@]+)\$/gi,
    (match, name: string) => placeholders.get(name.toLowerCase()) ?? match,
  );
  return template.replace(/\$(\$|[1-9])/g, (_, which: string) =>
    which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
  );
}
