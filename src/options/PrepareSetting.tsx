import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/t';
import { send } from '../messages/client';
import { ErrorNote } from '../ui/ErrorNote';

/** "Prepare sign-in while I point at a mailbox": the popup's `webmail.prepare`, on by default. */
export function PrepareSetting() {
  const [on, setOn] = useState<boolean | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    send({ type: 'settings.get' })
      .then(({ settings }) => setOn(settings.prepareSignIn))
      .catch(setError);
  }, []);

  async function change(value: boolean) {
    setError(null);
    setOn(value);
    try {
      await send({ type: 'settings.set', settings: { prepareSignIn: value } });
    } catch (failure) {
      setOn(!value);
      setError(failure);
    }
  }

  return (
    <div class="prepare" data-testid="prepare-setting">
      <label>
        <input
          type="checkbox"
          data-testid="prepare-sign-in"
          checked={on === true}
          disabled={on === null}
          aria-describedby="prepare-hint"
          onChange={(event) => void change(event.currentTarget.checked)}
        />{' '}
        {t('options_prepare_setting')}
      </label>
      <p class="muted" id="prepare-hint">
        {t('options_prepare_setting_hint')}
      </p>
      <ErrorNote error={error} />
    </div>
  );
}
