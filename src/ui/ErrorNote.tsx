import browser from 'webextension-polyfill';
import { LauncherError } from '../cpanel/errors';
import { ERROR_ADVICE } from './errorAdvice';

/** A failure as the user sees it: what happened, what to do, a button to do it, and the stable code. */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const code = error instanceof LauncherError ? error.code : 'invalid_response';
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const { advice, action } = ERROR_ADVICE[code];
  const origin = error instanceof LauncherError ? error.origin : undefined;
  return (
    <div class="error-note" role="alert" data-testid="error" data-code={code}>
      <p class="error">{message}</p>
      <p class="muted advice">{advice}</p>
      {action === 'options' && (
        <button type="button" class="small" onClick={() => void browser.runtime.openOptionsPage()}>
          Open the options page
        </button>
      )}
      {action === 'openServer' && origin && (
        <button
          type="button"
          class="small"
          data-testid="open-server"
          onClick={() => void browser.tabs.create({ url: `${origin}/` })}
        >
          Open {origin}
        </button>
      )}
    </div>
  );
}
