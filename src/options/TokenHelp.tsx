import { t } from '../i18n/t';

/** How to make the token the form asks for, and why the extension asks for host access. */
export function TokenHelp({ first = false }: { first?: boolean }) {
  return (
    <section aria-labelledby="help-title">
      <h2 id="help-title">{t(first ? 'options_help_first' : 'options_help')}</h2>
      <ol class="steps">
        <li>{t('options_help_step1')}</li>
        <li>{t('options_help_step2')}</li>
        <li>{t('options_help_step3')}</li>
      </ol>
      <p class="muted">{t('options_help_whm')}</p>
    </section>
  );
}
