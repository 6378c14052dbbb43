// Everything of the launch page but its hot path (main.ts): its text, and the view of a failure.
import browser from 'webextension-polyfill';
import { isErrorCode } from '../cpanel/errors';
import { t } from '../i18n/t';
import { errorFromReply } from '../messages/errorFromReply';
import { adviceFor } from '../presentation/errorAdvice';
import { errorText } from '../presentation/errorText';

export { localizePage } from '../i18n/page';

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`launch page lacks #${id}`);
  return element;
}

export function signingIn(url: string): void {
  byId('status').textContent = t('launch_signing_in_to', new URL(url).hostname);
}

/** What went wrong, what to do about it, and a button for the fix where there is one. */
export function showProblem(reply: unknown): void {
  const error = errorFromReply(reply);
  const code = isErrorCode(error.code) ? error.code : 'invalid_response';
  const { advice, action } = adviceFor(error);
  document.title = t('launch_failed');
  byId('status').hidden = true;
  byId('problem').hidden = false;
  byId('problem-message').textContent = errorText(error);
  byId('problem-advice').textContent = t(advice);
  byId('problem-code').textContent = code;
  const button = byId('problem-action') as HTMLButtonElement;
  const origin = error.origin;
  if (action === 'options') {
    button.textContent = t('advice_open_options');
    button.onclick = () => void browser.runtime.openOptionsPage();
    button.hidden = false;
  } else if (action === 'openServer' && origin) {
    button.textContent = t('advice_open_server', origin);
    // Same tab: after accepting the certificate the user comes back with the popup.
    button.onclick = () => location.assign(`${origin}/`);
    button.hidden = false;
  }
}
