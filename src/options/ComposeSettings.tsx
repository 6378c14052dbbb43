import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { AccountSummary } from '../core/accounts';
import type { Settings } from '../core/settings';
import { t } from '../i18n/t';
import { send } from '../messages/client';
import { ErrorNote } from '../ui/ErrorNote';
import { SenderSelect, senderOf, senderValue } from '../ui/SenderSelect';

/** The page mailto: links open; the same path as the Firefox manifest's protocol handler. */
const COMPOSE_PAGE = 'src/compose/index.html';

function sendFromValue(setting: Settings['sendFrom']): string {
  if (setting === undefined || setting === 'default') return '';
  return setting === 'ask' ? 'ask' : senderValue(setting);
}

/**
 * Chromium lets an extension page offer itself for mailto: (the browser then asks the user); Firefox takes it
 * from the manifest's `protocol_handlers` and lets the user pick it in its settings.
 */
function declaresHandler(): boolean {
  return 'protocol_handlers' in browser.runtime.getManifest();
}

/** "Send from", mailto: links, and where each account's Webmail opens. */
export function ComposeSettings({ accounts }: { accounts: AccountSummary[] }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  useEffect(() => {
    send({ type: 'settings.get' }).then(({ settings }) => setSettings(settings), setError);
  }, []);

  async function save(changes: Partial<Settings>, message = t('options_setting_saved')) {
    setError(null);
    setDone('');
    try {
      await send({ type: 'settings.set', settings: changes });
      setSettings((current) => (current ? { ...current, ...changes } : current));
      setDone(message);
    } catch (problem) {
      setError(problem);
    }
  }

  function registerMailto() {
    setError(null);
    try {
      navigator.registerProtocolHandler('mailto', `${browser.runtime.getURL(COMPOSE_PAGE)}?uri=%s`);
      setDone(t('compose_mailto_asked'));
    } catch (problem) {
      setError(problem);
    }
  }

  if (!settings) return <ErrorNote error={error} />;
  return (
    <div class="compose-settings">
      <div class="row">
        <label for="send-from">{t('compose_send_from')}</label>
        <SenderSelect
          key={accounts.map((account) => account.id).join('\n')}
          id="send-from"
          testId="send-from"
          value={sendFromValue(settings.sendFrom)}
          extra={[
            ['', t('compose_default_sender')],
            ['ask', t('compose_ask')],
          ]}
          onChange={(value) =>
            void save({ sendFrom: value === 'ask' ? 'ask' : (senderOf(value) ?? 'default') })
          }
        />
      </div>
      {declaresHandler() ? (
        <p class="muted">{t('compose_mailto_firefox')}</p>
      ) : (
        <div>
          <button type="button" data-testid="register-mailto" onClick={registerMailto}>
            {t('compose_mailto_register')}
          </button>
          <p class="muted">{t('compose_mailto_undo')}</p>
        </div>
      )}
      {accounts.length > 0 && (
        <fieldset>
          <legend>{t('compose_webmail_at')}</legend>
          {accounts.map((account) => (
            <div class="row" key={account.id}>
              <label for={`webmail-at-${account.id}`}>{account.label}</label>
              <select
                id={`webmail-at-${account.id}`}
                data-testid="webmail-at"
                value={settings.webmailAt?.[account.id] ?? 'home'}
                onChange={(event) =>
                  void save({
                    webmailAt: {
                      ...settings.webmailAt,
                      [account.id]: event.currentTarget.value === 'roundcube' ? 'roundcube' : 'home',
                    },
                  })
                }
              >
                <option value="home">{t('compose_webmail_at_home')}</option>
                <option value="roundcube">{t('compose_webmail_at_roundcube')}</option>
              </select>
            </div>
          ))}
        </fieldset>
      )}
      {done && (
        <p class="muted" role="status" data-testid="compose-saved">
          {done}
        </p>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
