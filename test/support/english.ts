import type { Message } from '../../src/cpanel/errors';
import { render } from '../../src/i18n/format';

/** What a keyed error or message says in English, as a page with an English browser shows it. */
export function english(value: unknown): string {
  if (typeof value === 'string') return value;
  const { key, args, message } = (value ?? {}) as Partial<Message> & { message?: string };
  if (key) return render(key, args ?? []);
  return message ?? '';
}
