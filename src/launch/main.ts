// The launch page's hot path: claim the login and post it, with nothing else loaded first. The page's text,
// the polyfill and the error view (./page.ts) load in parallel and are only waited for on a failure.
import type { Reply } from '../messages/contract';
import { postLogin } from '../ui/postLogin';

/** The extension API as the browser provides it (`browser` in Firefox, promise-based `chrome` in Chromium). */
const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;

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
    postLogin(login);
  },
  () => void page.then((view) => view.showProblem(undefined)),
);
