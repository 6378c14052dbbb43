// The launch page's hot path: claim the login and post it, with nothing else loaded first. The page's text,
// the polyfill and the error view (./page.ts) load in parallel and are only waited for on a failure.
import type { LoginRequest } from '../cpanel/login';
import type { Reply } from '../messages/contract';

/** The extension API as the browser provides it (`browser` in Firefox, promise-based `chrome` in Chromium). */
const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;

/**
 * Posts the session in a form body, so it never appears in a URL, the history or a server log. The popup
 * has its own copy (popup/openWebmail.ts): a module both pages import becomes a chunk that this page's hot
 * path would fetch and link before it could post.
 */
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

const claim: Promise<unknown> = api.runtime.sendMessage({
  type: 'launch.claim',
  launchId: location.hash.slice(1),
});
const page = import('./page');
void page.then((view) => view.localizePage());

claim.then(
  (answer) => {
    const reply = answer as Reply<'launch.claim'> | undefined;
    if (!reply?.ok) {
      void page.then((view) => view.showProblem(reply));
      return;
    }
    const { login } = reply;
    void page.then((view) => view.signingIn(login.url));
    submitLogin(login);
  },
  () => void page.then((view) => view.showProblem(undefined)),
);
