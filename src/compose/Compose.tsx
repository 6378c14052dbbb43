import { useEffect, useState } from 'preact/hooks';
import { parseMailto } from '../cpanel/mailto';
import { t } from '../i18n/t';
import { send } from '../messages/client';
import { ErrorNote } from '../ui/ErrorNote';
import { SenderSelect, senderOf } from '../ui/SenderSelect';

/**
 * The page mailto: links open (`?uri=mailto:…`, as the browser's protocol handler fills it in) and the
 * context menu opens when "Send from" is "ask every time". It asks the worker to compose; the worker signs
 * in inside this very tab, so the page replaces itself with Webmail's compose screen.
 */
type State = 'loading' | 'ask' | 'opening' | 'done';

/** Coming back to this page (Back from Webmail) must not open the message a second time. */
function revisited(): boolean {
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return entry?.type === 'back_forward';
}

export function Compose() {
  const uri = new URLSearchParams(location.search).get('uri') ?? '';
  const [state, setState] = useState<State>('loading');
  const [error, setError] = useState<unknown>(null);
  const [from, setFrom] = useState('');

  const write = (sender?: { accountId: string; email?: string }) => {
    setState('opening');
    setError(null);
    send({ type: 'webmail.compose', to: uri, ...sender }).catch((problem: unknown) => {
      setError(problem);
      setState('ask');
    });
  };

  useEffect(() => {
    if (revisited()) {
      setState('done');
      return;
    }
    send({ type: 'settings.get' }).then(
      ({ settings }) => (settings.sendFrom === 'ask' ? setState('ask') : write()),
      () => write(),
    );
  }, []);

  const recipients = parseMailto(uri).to.join(', ');
  return (
    <main>
      <h1>{t('compose_title')}</h1>
      {recipients && <p data-testid="compose-recipients">{t('compose_to', recipients)}</p>}
      {state === 'opening' && (
        <p role="status" data-testid="compose-status">
          {t('compose_opening')}
        </p>
      )}
      {state === 'done' && <p data-testid="compose-status">{t('compose_already_opened')}</p>}
      {state === 'ask' && (
        <form
          class="chooser"
          onSubmit={(event) => {
            event.preventDefault();
            write(senderOf(from));
          }}
        >
          <label for="compose-from">{t('compose_send_from')}</label>
          <SenderSelect
            id="compose-from"
            testId="compose-from"
            value={from}
            onChange={setFrom}
            extra={[['', t('compose_default_sender')]]}
          />
          <button type="submit" data-testid="compose-write">
            {t('compose_write')}
          </button>
        </form>
      )}
      <ErrorNote error={error} />
    </main>
  );
}
