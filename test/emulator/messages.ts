// Every user-visible text the emulator produces, in one place so tests (and the client's tests) can
// reference them. Texts marked "vendor" are verbatim from /work/shared/cpanel-api/examples.json; the
// others are ours, written in cPanel's style (curly quotes around values).

export const UAPI_TEXT = {
  /** vendor */
  missingArgument: (name: string) => `Provide the “${name}” argument.`,
  /** vendor */
  unknownFunction: (fn: string, module: string) =>
    `The system could not find the function “${fn}” in the module “${module}”.`,
  /** ours: mailbox (or its domain) not found on the calling account */
  mailUserNotFound: (email: string) => `The user “${email}” does not exist.`,
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
  /** ours */
  invalidService: (service: string) =>
    `The “service” argument must be “cpaneld”, “whostmgrd”, or “webmaild”, not “${service}”.`,
  /** ours */
  domainNotFound: (domain: string) => `The domain “${domain}” does not exist.`,
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
  /** ours: visible text of the 401 login-failure page */
  loginInvalid: 'The login is invalid.',
  notFound: 'Not Found',
} as const;
