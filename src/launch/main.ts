import browser from 'webextension-polyfill';
import { isErrorCode, LauncherError } from '../cpanel/errors';
import type { LoginRequest } from '../cpanel/login';
import { localizePage } from '../i18n/page';
import { t } from '../i18n/t';
import { send } from '../messages/client';
import { ERROR_ADVICE } from '../ui/errorAdvice';
import { errorText } from '../ui/errorText';

/** Posts the session in a form body, so it never appears in a URL, the history or a server log. */
function submitLogin({ url, session, fields }: LoginRequest): void {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = url;
  for (const [name, value] of Object.entries({ ...fields, session })) {
    const field = document.createElement('input');
    field.type = 'hidden';
    field.name = name;
    field.value = value;
    form.append(field);
  }
  document.body.append(form);
  form.submit();
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`launch page lacks #${id}`);
  return element;
}

/** What went wrong, what to do about it, and a button for the fix where there is one. */
function showProblem(error: unknown): void {
  const code = error instanceof LauncherError && isErrorCode(error.code) ? error.code : 'invalid_response';
  const { advice, action } = ERROR_ADVICE[code];
  document.title = t('launch_failed');
  byId('status').hidden = true;
  byId('problem').hidden = false;
  byId('problem-message').textContent = errorText(error);
  byId('problem-advice').textContent = t(advice);
  byId('problem-code').textContent = code;
  const button = byId('problem-action') as HTMLButtonElement;
  const origin = error instanceof LauncherError ? error.origin : undefined;
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

async function main(): Promise<void> {
  const launchId = location.hash.slice(1);
  try {
    const { login } = await send({ type: 'launch.claim', launchId });
    byId('status').textContent = t('launch_signing_in_to', new URL(login.url).hostname);
    submitLogin(login);
  } catch (error) {
    showProblem(error);
  }
}

localizePage();
void main();
