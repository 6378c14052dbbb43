import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ImportResult } from '../core/transfer';
import { plural, t } from '../i18n/t';
import { send } from '../messages/client';
import { MIN_PASSPHRASE_LENGTH } from '../rules';
import { ErrorNote } from '../ui/ErrorNote';
import { PassphraseField } from '../ui/PassphraseField';
import { useAccountsChanged } from '../ui/useAccountsChanged';
import { useAction } from '../ui/useAction';

/** Export every account to a file (tokens encrypted with a passphrase for that file) and import one. */
export function Transfer({ onChanged }: { onChanged: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const { busy, error, run, setError } = useAction();
  // With a vault, an export asks for its passphrase again: an unlocked browser alone must not be enough.
  const [vaultSet, setVaultSet] = useState(false);
  const [vaultPassphrase, setVaultPassphrase] = useState('');
  const checkVault = useCallback(() => {
    send({ type: 'vault.status' })
      .then((status) => setVaultSet(status.enabled))
      .catch(setError);
  }, [setError]);
  useEffect(checkVault, [checkVault]);
  useAccountsChanged(checkVault);

  const exportFile = () =>
    run(async () => {
      setResult(null);
      const reply = await send({
        type: 'accounts.export',
        passphrase,
        ...(vaultSet ? { vaultPassphrase } : {}),
      });
      setVaultPassphrase('');
      const url = URL.createObjectURL(new Blob([reply.file], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `webmail-launcher-accounts-${new Date().toISOString().slice(0, 10)}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });

  const importFile = () =>
    run(async () => {
      setResult(null);
      if (!file) return;
      const reply = await send({ type: 'accounts.import', file: await file.text(), passphrase });
      setResult(reply);
      onChanged();
    });

  return (
    <div class="transfer" data-testid="transfer">
      <p class="muted">{t('options_transfer_intro')}</p>
      {vaultSet && (
        <div class="row">
          <PassphraseField
            id="transfer-vault-passphrase"
            label={t('options_security_export_vault_passphrase')}
            autocomplete="current-password"
            value={vaultPassphrase}
            onInput={setVaultPassphrase}
          />
        </div>
      )}
      <div class="row">
        <PassphraseField
          id="transfer-passphrase"
          label={t('options_file_passphrase')}
          autocomplete="new-password"
          value={passphrase}
          onInput={setPassphrase}
        />
        <button
          type="button"
          disabled={busy || passphrase.length < MIN_PASSPHRASE_LENGTH || (vaultSet && !vaultPassphrase)}
          data-testid="export"
          onClick={() => void exportFile()}
        >
          {t('options_export')}
        </button>
      </div>
      <div class="row">
        <label for="transfer-file">{t('options_import_file')}</label>
        <input
          id="transfer-file"
          type="file"
          accept="application/json,.json"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
        <button
          type="button"
          disabled={busy || !file || !passphrase}
          data-testid="import"
          onClick={() => void importFile()}
        >
          {t('options_import')}
        </button>
      </div>
      {result && (
        <div role="status" data-testid="import-result">
          <p class="ok">{plural(result.imported, 'options_imported_one', 'options_imported_other')}</p>
          {result.rejected.length > 0 && (
            <ul>
              {result.rejected.map((entry) => (
                <li key={entry.index}>{t('options_rejected', entry.index + 1, entry.reason)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
