import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { originPattern } from '../cpanel/host';
import { t } from '../i18n/t';

/** Whether the extension may reach an account's server, with a one-click grant when it may not. */
export function HostAccess({ host }: { host: string }) {
  const [granted, setGranted] = useState<boolean | null>(null);
  const origins = [originPattern(host)];

  useEffect(() => {
    void browser.permissions.contains({ origins }).then(setGranted);
    const update = () => void browser.permissions.contains({ origins }).then(setGranted);
    browser.permissions.onAdded.addListener(update);
    browser.permissions.onRemoved.addListener(update);
    return () => {
      browser.permissions.onAdded.removeListener(update);
      browser.permissions.onRemoved.removeListener(update);
    };
  }, [host]);

  if (granted === null) return null;
  if (granted) {
    return (
      <span class="badge ok" data-testid="access-granted">
        {t('options_access_granted')}
      </span>
    );
  }
  return (
    <button
      type="button"
      class="small"
      data-testid="grant-access"
      title={t('options_grant_title', host)}
      onClick={() => void browser.permissions.request({ origins }).then(setGranted)}
    >
      {t('options_grant', host)}
    </button>
  );
}
