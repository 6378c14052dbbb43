// cPanel `app` names (WHM create_user_session) and where in Jupiter they land. An unknown app still
// creates the session but lands on Home, as the vendor documents.
const CPANEL_APP_PATHS: Readonly<Record<string, string>> = {
  Email_Accounts: 'email_accounts',
  Email_Forwarders: 'mail/fwds',
  Email_AutoResponders: 'mail/autores',
  Email_SpamFilter: 'spam',
  FileManager_Home: 'filemanager',
  Cron_Home: 'cron',
  Database_MySQL: 'sql',
  Database_phpMyAdmin: 'sql/phpmyadmin',
  Domains_AddonDomains: 'addon',
  Domains_SubDomains: 'subdomain',
  Backups_Home: 'backup',
  Password_Change: 'passwd',
};

/** Path below /cpsessN/frontend/jupiter/ for an app, or null for Home. */
export function cpanelAppPath(app: string | null): string | null {
  if (app === null || !Object.hasOwn(CPANEL_APP_PATHS, app)) return null;
  return CPANEL_APP_PATHS[app] ?? null;
}

/** The app whose page lives at `path` (below /frontend/jupiter/, without /index.html), if any. */
export function cpanelAppAt(path: string): string | null {
  for (const [app, appPath] of Object.entries(CPANEL_APP_PATHS)) if (appPath === path) return app;
  return null;
}
