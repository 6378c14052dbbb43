import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { originPattern } from '../cpanel/host';

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
        access granted
      </span>
    );
  }
  return (
    <button
      type="button"
      class="small"
      data-testid="grant-access"
      title={`Let the extension reach ${host}`}
      onClick={() => void browser.permissions.request({ origins }).then(setGranted)}
    >
      Grant access to {host}
    </button>
  );
}
