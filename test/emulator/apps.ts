// The `app` names of WHM create_user_session and the `goto_uri` a stock server puts into `data.url` for them.
// cPanel: Cpanel/Themes.pm `get_users_links` maps each dynamicui item's `implements` to its theme path plus
// `url` (base/frontend/jupiter/dynamicui.conf), e.g. `frontend/jupiter/email_accounts/index.html`.
// WHM: the `url` of the item whose `key` is the app (whostmgr/docroot/themes/x/dynamicui.conf).
// Webmail takes no app. An unknown app still creates the session, without a goto_uri: the login lands on Home.

const CPANEL_THEME = 'frontend/jupiter/';

/** `implements` → `url` of base/frontend/jupiter/dynamicui.conf (a subset). */
const CPANEL_APP_URLS: Readonly<Record<string, string>> = {
  Email_Accounts: 'email_accounts/index.html',
  Email_Forwarders: 'mail/fwds.html',
  Email_AutoResponders: 'mail/autores.html',
  Email_SpamFilter: 'mail/spam/index.html',
  FileManager_Home: 'filemanager/index.html',
  Cron_Home: 'cron/index.html',
  Database_MySQL: 'sql/index.html',
  Database_phpMyAdmin: 'sql/PhpMyAdmin.html',
  Domains_domains: 'domains/index.html',
  Backups_Home: 'backup/index.html',
  Password_Change: 'passwd/index.html',
};

/** `key` → `url` of whostmgr/docroot/themes/x/dynamicui.conf (a subset). */
const WHM_APP_URLS: Readonly<Record<string, string>> = {
  list_accounts: '/scripts4/listaccts',
  create_a_new_account: '/scripts5/wwwacctform',
  manage_account_suspension: '/scripts2/suspendacctlist',
  service_status: '/scripts/servup',
  tweak_settings: '/scripts2/tweaksettings',
};

/** The goto_uri a stock server looks up for `app`, or null (unknown app, or Webmail). */
export function gotoUriForApp(service: string, app: string | null): string | null {
  if (app === null) return null;
  if (service === 'cpaneld' && Object.hasOwn(CPANEL_APP_URLS, app))
    return CPANEL_THEME + CPANEL_APP_URLS[app];
  if (service === 'whostmgrd' && Object.hasOwn(WHM_APP_URLS, app)) return WHM_APP_URLS[app] ?? null;
  return null;
}

/** The cPanel app whose page is at `path` (below /cpsessN), if any. */
export function cpanelAppAt(path: string): string | null {
  for (const [app, url] of Object.entries(CPANEL_APP_URLS)) if (path === `/${CPANEL_THEME}${url}`) return app;
  return null;
}

/** The WHM app whose page is at `path` (below /cpsessN), if any. */
export function whmAppAt(path: string): string | null {
  for (const [app, url] of Object.entries(WHM_APP_URLS)) if (path === url) return app;
  return null;
}
