// Its own module so that core/accounts.ts and core/managed.ts, which both build summaries, need not
// import each other.

/** What pages may see of an account: everything but the token. */
export interface AccountSummary {
  id: string;
  label: string;
  kind: 'cpanel' | 'whm';
  host: string;
  port: number;
  username: string;
  /** Ask for the mailbox password and check it (…_check_password) instead of opening without it. */
  askPassword?: boolean;
  /** cPanel locale for new sessions; the browser's language when absent. */
  locale?: string;
  /** The account the "open default Webmail" shortcut opens. */
  isDefault?: boolean;
  /** Set by an administrator's policy: shown, used, but not editable here. */
  managed?: boolean;
  /** A managed account whose policy has no token: the user must enter one. */
  needsToken?: boolean;
  /** Saved before the passphrase was set: an earlier copy may remain on disk; replacing the token helps. */
  sealedBeforePassphrase?: boolean;
}
