import type { WhmService } from '../cpanel/whmSession';

/** What a launch page's Try again runs again: the request that opened it, without any password. */
export type LaunchTarget =
  | { type: 'webmail.open'; accountId: string; email?: string }
  | { type: 'session.open'; accountId: string; service: WhmService; user?: string; app?: string };

/**
 * Which sign-in a launch page is for, so it can say so while it waits ("Asking server.example.com…") and when
 * it fails (the account's label and server, the service and who signs in). No token, no session.
 */
export interface LaunchAbout {
  label: string;
  host: string;
  /** The service signed in to: Webmail, cPanel or WHM. */
  service: WhmService;
  /** Who signs in: a mailbox, a cPanel user, the WHM user. */
  user: string;
  /** Absent where the sign-in cannot be run again without the user (a typed mailbox password). */
  retry?: LaunchTarget;
}
