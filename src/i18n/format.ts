import english from '../../public/_locales/en/messages.json' with { type: 'json' };
import type { MessageKey } from '../cpanel/messageKey';

export type { MessageKey } from '../cpanel/messageKey';

/** One entry of a `messages.json`. */
export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

// Builds drop the English fallback, and the catalogue with it: the browser has its own copy of every locale.
const PRODUCTION = (import.meta as { env?: { PROD?: boolean } }).env?.PROD === true;

/**
 * The message in English from the catalogue, for where there is no browser (Node tests) or the browser has
 * no text for the key; `./t` asks the browser first.
 */
export function render(key: MessageKey, substitutions: readonly string[] = []): string {
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
