import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { CpanelSessionSummary } from '../core/cpanelSessions';
import { t } from '../i18n/t';
import { send } from '../messages/client';
import { STORAGE_KEYS } from '../rules';
import { ErrorNote } from '../ui/ErrorNote';
import { useAction } from '../ui/useAction';

/**
 * For the cPanel sessions this account opened (tabs still open): a button per session that creates a
 * temporary database user inside it (Session::create_temp_user), then shows the user's name to copy.
 */
export function TempUser({ accountId }: { accountId: string }) {
  const [sessions, setSessions] = useState<CpanelSessionSummary[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const { busy, error, run } = useAction();

  const load = useCallback(() => {
    send({ type: 'cpanelSessions.list' }).then(
      (reply) => setSessions(reply.sessions.filter((session) => session.accountId === accountId)),
      () => setSessions([]),
    );
  }, [accountId]);

  useEffect(() => {
    load();
    // A cPanel tab opened, closed or whose session ended: the worker's list changed.
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && STORAGE_KEYS.cpanelSessions in changes) load();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [load]);

  async function create(tabId: number) {
    setCreated(null);
    setCopied(false);
    const reply = await run(() => send({ type: 'cpanelSession.tempUser', tabId }));
    if (reply) setCreated(reply.user);
  }

  async function copy(name: string) {
    try {
      await navigator.clipboard.writeText(name);
      setCopied(true);
    } catch {
      // No clipboard access: the name stays on screen to select by hand.
    }
  }

  if (sessions.length === 0 && created === null && !error) return null;
  return (
    <div class="temp-users" data-testid="temp-users">
      {sessions.map((session) => (
        <div key={session.tabId} class="row" data-testid="cpanel-session">
          <span class="muted">{t('popup_temp_user_session', session.user)}</span>
          <button
            type="button"
            data-testid="create-temp-user"
            disabled={busy}
            title={t('popup_temp_user_title', session.user)}
            onClick={() => void create(session.tabId)}
          >
            {t('popup_temp_user')}
          </button>
        </div>
      ))}
      {created !== null && (
        <div data-testid="temp-user">
          <div class="row">
            <span data-testid="temp-user-name">{t('popup_temp_user_created', created)}</span>
            <button
              type="button"
              class="small"
              data-testid="copy-temp-user"
              onClick={() => void copy(created)}
            >
              {copied ? t('popup_copied') : t('popup_copy')}
            </button>
          </div>
          <p class="muted hint">{t('popup_temp_user_hint')}</p>
        </div>
      )}
      <ErrorNote error={error} testId="temp-user-error" />
    </div>
  );
}
