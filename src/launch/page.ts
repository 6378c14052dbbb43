// Everything of the launch page but its hot path (main.ts): its text, what it says while it waits, and the
// view of a failure with its actions (Try again in this tab, the fix, Close).
import browser from 'webextension-polyfill';
import type { LaunchAbout } from '../core/launchAbout';
import { LauncherError } from '../cpanel/errors';
import { t } from '../i18n/t';
import { send } from '../messages/client';
import { errorFromReply } from '../messages/errorFromReply';
import { adviceFor } from '../presentation/errorAdvice';
import { type ErrorFix, fixFor } from '../presentation/errorFix';
import { errorText } from '../presentation/errorText';

export { localizePage } from '../i18n/page';

const SERVICE_NAME = {
  webmaild: 'launch_service_webmaild',
  cpaneld: 'launch_service_cpaneld',
  whostmgrd: 'launch_service_whostmgrd',
} as const;

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`launch page lacks #${id}`);
  return element as T;
}

const launchId = location.hash.slice(1);
// Try again loads this page with a new launch id: only the fragment changes, which reloads nothing by itself.
window.addEventListener('hashchange', () => location.reload());
/** Which account and target this tab is for; undefined when the worker no longer knows (a lost sign-in). */
const about: Promise<LaunchAbout | undefined> = send({ type: 'launch.about', launchId }).then(
  (reply) => reply.about,
  () => undefined,
);
/** Set once a failure is shown: the waiting text must not come back over it. */
let settled = false;
let signingInTo: string | undefined;

function setStatus(text: string): void {
  byId('status').textContent = text;
  document.title = text;
}

void about.then((known) => {
  if (!known) return;
  const account = byId('waiting-account');
  account.textContent = t('launch_account', known.label, known.host);
  account.hidden = false;
  if (!settled && signingInTo === undefined) setStatus(t('launch_asking', known.host));
});

/** The login is being posted: "Signing in to Webmail for info@example.com…". */
export function signingIn(url: string): void {
  signingInTo = new URL(url).hostname;
  setStatus(t('launch_signing_in_to', signingInTo));
  void about.then((known) => {
    if (known && !settled) setStatus(t('launch_signing_in_as', t(SERVICE_NAME[known.service]), known.user));
  });
}

function fixLabel(fix: ErrorFix): string {
  if (fix.kind === 'options') return t('advice_open_options');
  if (fix.kind === 'unlock') return t('launch_unlock');
  return t('advice_open_server', fix.origin);
}

function runFix(fix: ErrorFix): void {
  if (fix.kind === 'options') void browser.runtime.openOptionsPage();
  else if (fix.kind === 'unlock')
    void browser.tabs.create({ url: browser.runtime.getURL('src/popup/index.html') });
  // Same tab: after accepting the certificate the user comes back here or to the popup.
  else location.assign(`${fix.origin}/`);
}

async function closeTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) window.close();
  else await browser.tabs.remove(tab.id);
}

/** Runs this tab's target again; the worker loads a fresh launch page in this very tab. */
async function tryAgain(target: NonNullable<LaunchAbout['retry']>, button: HTMLButtonElement) {
  button.disabled = true;
  try {
    await send({ type: 'launch.retry', target });
  } catch (error) {
    // The worker could not even start (an account removed, the vault locked): show why, here.
    button.disabled = false;
    render(error instanceof LauncherError ? error : errorFromReply(undefined), await about);
  }
}

/** What went wrong, for which account, what to do about it, and the actions that fit. */
export async function showProblem(reply: unknown): Promise<void> {
  settled = true;
  const error = errorFromReply(reply);
  render(error, await about);
}

function render(error: LauncherError, known: LaunchAbout | undefined): void {
  settled = true;
  const lost = error.key === 'error_launch_used';
  const title = lost
    ? t('launch_lost_title')
    : known
      ? t('launch_failed_target', t(SERVICE_NAME[known.service]), known.user)
      : t('launch_failed');
  document.title = title;
  byId('waiting').hidden = true;
  byId('problem').hidden = false;
  byId('problem-title').textContent = title;
  const account = byId('problem-account');
  account.hidden = !known;
  account.textContent = known ? t('launch_account', known.label, known.host) : '';
  byId('problem-code').textContent = error.code;
  const retry = byId<HTMLButtonElement>('problem-retry');
  const target = known?.retry;
  retry.hidden = !target;
  retry.onclick = target ? () => void tryAgain(target, retry) : null;
  const action = byId<HTMLButtonElement>('problem-action');
  const fix = lost ? undefined : fixFor(error);
  action.hidden = !fix;
  action.textContent = fix ? fixLabel(fix) : '';
  action.onclick = fix ? () => runFix(fix) : null;
  const close = byId<HTMLButtonElement>('problem-close');
  close.onclick = () => void closeTab();
  if (lost) {
    byId('problem-message').textContent = t('launch_lost_text');
    byId('problem-advice').textContent = t(target ? 'launch_lost_advice' : 'launch_lost_popup');
  } else {
    byId('problem-message').textContent = errorText(error);
    byId('problem-advice').textContent = t(adviceFor(error).advice);
  }
  // The primary action: the fix where there is one (nothing else helps first), else Try again, else Close.
  const primary = !action.hidden ? action : !retry.hidden ? retry : close;
  for (const button of [action, retry, close]) button.classList.toggle('primary', button === primary);
  primary.focus();
}
