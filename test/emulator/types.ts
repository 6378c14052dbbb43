// Shared types of the emulator: the fixture that describes the fake server, and the public handle.
import type { FaultController } from './faults';

export interface MailboxFixture {
  email: string;
  password: string;
  /** cPanel "suspend login": the mailbox exists but may not sign in. */
  suspendedLogin?: boolean;
  /** cPanel "suspend incoming": only reported by Email::list_pops. */
  suspendedIncoming?: boolean;
}

export interface CpanelAccountFixture {
  user: string;
  password: string;
  /** API tokens: 32 chars of [0-9A-Z]. */
  tokens: string[];
  mainDomain: string;
  addonDomains?: string[];
  subDomains?: string[];
  parkedDomains?: string[];
  mailboxes: MailboxFixture[];
  suspended?: boolean;
  /** WHM's "locked" suspension (listaccts `is_locked`): only root may lift it. */
  locked?: boolean;
  locale?: string;
  /** Reseller (WHM user) that owns the account; default root. */
  owner?: string;
  /** cPanel features switched off for this account, e.g. ['popaccts'] (Email::list_pops then fails). */
  disabledFeatures?: string[];
  /** The host forbids UAPI Session::create_* for this account ("Session creation is not permitted."). */
  sessionCreationDisabled?: boolean;
}

export interface WhmUserFixture {
  user: string;
  tokens: string[];
  password?: string;
  /** root: 'all'; a reseller: the cPanel users it owns. */
  owns: 'all' | string[];
}

export interface Fixture {
  accounts: CpanelAccountFixture[];
  whmUsers: WhmUserFixture[];
}

export type Service = 'cpaneld' | 'whostmgrd' | 'webmaild';
export type AuthScheme = 'cpanel' | 'whm' | 'basic';

export interface RequestRecord {
  /** The local address it arrived on: the emulator's own, or an extra listener's. */
  address: string;
  port: number;
  method: string;
  /** Path including the query string, exactly as received. */
  path: string;
  authScheme: AuthScheme | null;
  authUser: string | null;
  body: string;
  at: number;
}

export type SessionTag =
  | 'CREATE_WEBMAIL_SESSION_FOR_SELF'
  | 'CREATE_WEBMAIL_SESSION_FOR_MAIL_USER'
  | 'CREATE_WEBMAIL_SESSION_FOR_MAIL_USER_CHECK_PASSWORD'
  | 'create_user_session';

/** A session string handed out by an API call, waiting to be redeemed at /cpsessN/login. */
export interface IssuedSession {
  session: string;
  /** '/cpsess' + 10 digits. */
  token: string;
  service: Service;
  /** The signed-in identity: mailbox address, cPanel user or WHM user. */
  user: string;
  tag: SessionTag;
  app: string | null;
  locale: string | null;
  createdAt: number;
  used: boolean;
  /** Set by expireAllSessions(). */
  expired: boolean;
}

/** A browser session created by a successful login (the cookie). */
export interface CookieSession {
  id: string;
  cookieName: string;
  service: Service;
  user: string;
  token: string;
  app: string | null;
  locale: string | null;
  lastSeen: number;
}

export interface EmulatorOptions {
  /** Loopback IPv4 to bind; default '127.0.0.1'. */
  address?: string;
  /** Default demoFixture (deep-copied). */
  fixture?: Fixture;
  /** `hostname` returned by the UAPI Session functions; default null ("not remote"). */
  hostname?: string | null;
  /** Host used in the WHM `url` return when no preferred_domain; default = address. */
  publicHost?: string;
  /** Clock in ms; default Date.now. */
  now?: () => number;
  /** Installed locales; default a stock server's (STOCK_LOCALES). */
  locales?: readonly string[];
  /**
   * The server's hostname does not resolve to it, so WHM create_user_session names this IP in `data.url`
   * (Whostmgr/API/1/Session.pm `_public_ip`) unless a preferred_domain is given. Default: it resolves.
   */
  publicIp?: string;
  /** Also serve cPanel's service subdomains (webmail., cpanel., whm.) on 443 in front of the ports. */
  serviceSubdomains?: boolean;
  /**
   * Milliseconds the server "thinks" before answering a session-creating call (UAPI Session::create_*,
   * WHM create_user_session), as a real cpsrvd does while it starts a process for it (0.1–0.5 s); default 0.
   */
  sessionThinkMs?: number;
  /** Milliseconds each request waits before it is answered; default 0 (see RunningEmulator.setLatency). */
  latencyMs?: number;
}

export interface ListenerOptions {
  /** Default all three service ports. */
  ports?: number[];
  /** false: a fresh self-signed key the browser does not trust instead of the emulator's. Default true. */
  trusted?: boolean;
}

/** The emulator served on one more loopback address, for the network-level faults. */
export interface ExtraListener {
  address: string;
  ports: number[];
  readonly trusted: boolean;
  readonly listening: boolean;
  /** Swaps the key (closing open connections): false makes the browser reject the certificate. */
  setTrusted(trusted: boolean): Promise<void>;
  /** Stops listening: the address then refuses connections. */
  close(): Promise<void>;
}

export interface RunningEmulator {
  address: string;
  ports: { cpanel: number; whm: number; webmail: number };
  /** base64 SHA-256 of the certificate's SubjectPublicKeyInfo. */
  spki: string;
  certPem: string;
  /** The live fixture; tests may mutate it (e.g. suspend an account) and the emulator follows. */
  fixture: Fixture;
  requests: RequestRecord[];
  /** Issued sessions by session string. */
  sessions: ReadonlyMap<string, IssuedSession>;
  /** Browser sessions (cookies) by cookie value. */
  cookieSessions: ReadonlyMap<string, CookieSession>;
  /** Fault injection: `faults.set({ fault, match, times })`, `faults.clear()`, `faults.hits`. */
  faults: FaultController;
  expireAllSessions(): void;
  /** Changes the think time of session-creating calls (EmulatorOptions.sessionThinkMs) while running. */
  setSessionThinkMs(ms: number): void;
  /** Milliseconds each request waits from now on before it is answered. */
  setLatency(ms: number): void;
  /** Requests being answered now (`inFlight`), the most at once (`maxInFlight`) since `reset()`. */
  load: { readonly inFlight: number; readonly maxInFlight: number; reset(): void };
  /** Serves this emulator on another loopback address as well (same state and faults). */
  addListener(address: string, options?: ListenerOptions): Promise<ExtraListener>;
  close(): Promise<void>;
}
