// Every user-visible text the emulator produces, in one place so tests (and the client's tests) can
// reference them. Texts marked "vendor" are verbatim from test/fixtures/cpanel-api/examples.json; the
// others are ours, written in cPanel's style (curly quotes around values).

export const UAPI_TEXT = {
  /** vendor */
  missingArgument: (name: string) => `Provide the “${name}” argument.`,
  /** vendor */
  unknownFunction: (fn: string, module: string) =>
    `The system could not find the function “${fn}” in the module “${module}”.`,
  /** vendor: Cpanel/Exception/UserNotFound.pm, raised by Cpanel/AccessControl.pm for an unknown mailbox */
  mailUserNotFound: (email: string) => `You do not have a user named “${email}”.`,
  /** vendor: Cpanel/Admin/Modules/Cpanel/session_call.pm `_get_and_validate_locale` */
  unknownLocale: (locale: string) => `“${locale}” does not refer to any of this system’s locales.`,
  /** vendor */
  incorrectPassword: 'The provided password is incorrect.',
  /** vendor */
  loginsSuspended: (email: string) => `Logins for “${email}” are suspended.`,
  /** vendor */
  featureMissing: (feature: string) => `You do not have the feature “${feature}”.`,
  /** vendor */
  sessionCreationNotPermitted: 'Session creation is not permitted.',
  /** ours */
  invalidRegex: (regex: string) => `The regular expression “${regex}” is not valid.`,
} as const;

export const WHM_TEXT = {
  /** vendor */
  ok: 'OK',
  /** vendor */
  created: 'Created session',
  /** vendor */
  unknownUser: (user: string) =>
    `You cannot create a session for the user “${user}” because they do not exist.`,
  /** vendor */
  notOwned: (user: string) => `You do not have permission to create sessions for the user “${user}”.`,
  /** vendor */
  suspended: (user: string) =>
    `You cannot create a session for the user “${user}” because they are currently suspended.`,
  /** ours, modelled on WHM */
  unknownFunction: (fn: string) => `Unknown app (“${fn}”) requested for this version (1) of the API.`,
  /** ours */
  missingArgument: (name: string) => `Provide the “${name}” argument.`,
  /** vendor: Whostmgr/API/1/Session.pm */
  requiredParameter: (name: string) => `The “${name}” parameter is required.`,
  /** vendor: Whostmgr/API/1/Session.pm (numerate and list_and_quoted of the sorted services) */
  invalidService: (_service: string) =>
    'The “service” parameter is invalid. The only supported services for this API call are “cpaneld”, “webmaild”, and “whostmgrd”.',
  /** stock: Whostmgr/API/1/Accounts.pm listaccts */
  unknownSearchType: 'Unknown search type.',
  /** stock: Whostmgr/API/1/Accounts.pm accountsummary (without its trailing newline) */
  summaryNeedsUserOrDomain: 'You must specify a user or domain to get a summary of.',
  /** stock: Whostmgr/API/1/Accounts.pm accountsummary */
  noSuchAccount: 'Account does not exist.',
  /** stock: Whostmgr/Email.pm list_pops_for */
  noSuchUser: (user: string) => `The “${user}” user does not exist.`,
  /** ours: a reseller asking about an account it does not own (the stock text is not known) */
  notYours: (user: string) => `You do not have access to the account “${user}”.`,
  /** ours: the answer when api.version=1 is missing (WHM API 0 is not emulated) */
  api0: 'This emulator implements WHM API 1 only; add api.version=1 to the query.',
} as const;

export const HTTP_TEXT = {
  /** ours: 401 body (text/plain) */
  accessDenied: 'Access denied',
  /** ours: 403 body (text/plain) for a suspended cPanel account */
  accountSuspended: 'Access denied: this account is suspended.',
  /** vendor: WHM's 403 body for a rejected token (served as text/plain although it is JSON) */
  whmAccessDenied: {
    cpanelresult: {
      apiversion: '2',
      error: 'Access denied',
      data: { reason: 'Access denied', result: '0' },
      type: 'text',
    },
  },
  /** vendor: the login page's notices by msg_code (Cpanel/Template/Unauthenticated.pm) */
  loginInvalid: 'The login is invalid.',
  expiredSession: 'Your session has expired. Please log in again.',
  invalidSession: 'Your session cookie is invalid. Please log in again.',
  /** vendor: base/unprotected/lisc/licenseerror_cpanel.tmpl */
  licenseTitle: 'cPanel License Activation',
  licenseReason:
    'To access the interface, you must install the license and ensure that the license is active.',
  licenseContact:
    'This server does not have a valid license. To address this issue, you must contact your hosting provider.',
  /** ours: the `[% error %]` of that page; the tree leaves it to cpsrvd (a guess) */
  licenseError: 'The cPanel license is invalid or expired.',
  notFound: 'Not Found',
} as const;
