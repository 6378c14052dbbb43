// cPanel names most locales by language alone; these few carry a region.
const REGIONAL = new Set(['pt_br', 'es_419', 'es_es', 'zh_tw', 'zh_cn', 'en_gb']);

/** The cPanel locale for a browser language such as `pt-BR` or `de-AT` (lower case, as the API asks). */
export function cpanelLocale(language: string | undefined): string | undefined {
  if (!language) return undefined;
  const lower = language.toLowerCase().replace(/-/g, '_');
  if (REGIONAL.has(lower)) return lower;
  const primary = lower.split('_')[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}
