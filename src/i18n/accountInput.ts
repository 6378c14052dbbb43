import type { MessageKey } from './format';

/**
 * The message key of each check in core/accountInput.ts, by field and valibot issue type, so an entered
 * account is refused in the user's language. A test keeps the English here equal to the schema's texts.
 */
const KEYS: Record<string, Record<string, MessageKey>> = {
  label: { max_length: 'error_input_label_long' },
  kind: { picklist: 'error_input_kind' },
  host: { string: 'error_input_host_missing', check: 'error_input_host_invalid' },
  port: {
    integer: 'error_input_port_whole',
    min_value: 'error_input_port_range',
    max_value: 'error_input_port_range',
  },
  username: { string: 'error_input_user_missing', regex: 'error_input_user_chars' },
  locale: { regex: 'error_input_locale' },
  token: { string: 'error_input_token_missing', regex: 'error_input_token_format' },
};

/** The key for a valibot issue of the account input; undefined for one whose own text must do. */
export function inputIssueKey(issue: { type: string; path?: { key: unknown }[] }): MessageKey | undefined {
  const field = issue.path?.[0]?.key;
  return typeof field === 'string' ? KEYS[field]?.[issue.type] : undefined;
}
