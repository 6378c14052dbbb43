import type { ErrorCode } from '../cpanel/errors';

/** What the user can do about each kind of failure; the error's own message says what happened. */
export interface Advice {
  advice: string;
  /** A button that leads to the fix. */
  action?: 'options' | 'openServer';
}

export const ERROR_ADVICE: Record<ErrorCode, Advice> = {
  auth_failed: {
    advice: 'Create a new token in cPanel » Security » Manage API Tokens and enter it on the options page.',
    action: 'options',
  },
  not_json: {
    advice: 'Check the server address and port: the cPanel API answers on 2083, WHM on 2087.',
    action: 'options',
  },
  api_error: { advice: 'cPanel refused the request for the reason above.' },
  invalid_response: {
    advice:
      'Nothing was opened, to stay safe. If this keeps happening, the server may not be a cPanel server.',
  },
  timeout: { advice: 'Try again in a moment; if it keeps happening, check that the server is up.' },
  network: {
    advice: 'Check the address and your connection, and that ports 2083, 2087 and 2096 are reachable.',
  },
  tls: { advice: 'Open the server once, accept its certificate, then try again.', action: 'openServer' },
  permission_denied: { advice: 'Grant access to this server on the options page.', action: 'options' },
  locked: { advice: 'Unlock your accounts with your passphrase.' },
  no_account_for_domain: {
    advice: 'Add the account that owns this domain on the options page.',
    action: 'options',
  },
  not_found: { advice: 'Reopen the popup; if it was removed, add it again on the options page.' },
  bad_input: { advice: 'Check what you typed and try again.' },
  wrong_passphrase: { advice: 'Passphrases are case-sensitive. Try again.' },
};
