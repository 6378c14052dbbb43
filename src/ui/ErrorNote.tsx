import browser from 'webextension-polyfill';
import { LauncherError } from '../cpanel/errors';
import { t } from '../i18n/t';
import { adviceFor } from './errorAdvice';
import { errorText } from './errorText';

/** A failure as the user sees it: what happened, what to do, a button to do it, and the stable code. */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const code = error instanceof LauncherError ? error.code : 'invalid_response';
  const { advice, action } = adviceFor(error instanceof LauncherError ? error : { code });
  const origin = error instanceof LauncherError ? error.origin : undefined;
  return (
    <div class="error-note" role="alert" data-testid="error" data-code={code}>
      <p class="error">{errorText(error)}</p>
      <p class="muted advice">{t(advice)}</p>
      {action === 'options' && (
        <button type="button" class="small" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('advice_open_options')}
        </button>
      )}
      {action === 'openServer' && origin && (
        <button
          type="button"
          class="small"
          data-testid="open-server"
          onClick={() => void browser.tabs.create({ url: `${origin}/` })}
        >
          {t('advice_open_server', origin)}
        </button>
      )}
    </div>
  );
}
