import type { MessageKey } from '../cpanel/messageKey';

/**
 * The message key of an account input issue: core/accountInput.ts names each check's message by its key
 * (`error_input_…`); undefined for a check valibot worded itself, whose own text must do.
 */
export function inputIssueKey(issue: { message: string }): MessageKey | undefined {
  return /^error_input_\w+$/.test(issue.message) ? (issue.message as MessageKey) : undefined;
}
