// Issued session strings (single use, 5-minute life) and the browser sessions (cookies) they become.
import { COOKIE_BY_SERVICE, IDLE_SESSION_MS, UNUSED_SESSION_MS } from './constants';
import { newSecurityToken, newSessionString, randomAlnum } from './random';
import type { CookieSession, IssuedSession, Service, SessionTag } from './types';

export interface IssueRequest {
  user: string;
  service: Service;
  tag: SessionTag;
  app?: string | null;
  locale?: string | null;
  /** Caller-chosen security token (WHM create_user_session cp_security_token). */
  token?: string | null;
}

export type RedeemFailure = 'unknown' | 'used' | 'expired' | 'wrong_service' | 'wrong_token' | 'refused';
export type RedeemResult =
  | { ok: true; issued: IssuedSession; cookie: CookieSession }
  | { ok: false; reason: RedeemFailure };

export class SessionStore {
  readonly issued = new Map<string, IssuedSession>();
  readonly cookies = new Map<string, CookieSession>();
  private readonly tokensInUse = new Set<string>();

  constructor(private readonly now: () => number) {}

  issue(request: IssueRequest): IssuedSession {
    const token = request.token ?? this.freshToken();
    this.tokensInUse.add(token);
    const issued: IssuedSession = {
      session: newSessionString(request.user, request.tag),
      token,
      service: request.service,
      user: request.user,
      tag: request.tag,
      app: request.app ?? null,
      locale: request.locale ?? null,
      createdAt: this.now(),
      used: false,
      expired: false,
    };
    this.issued.set(issued.session, issued);
    return issued;
  }

  /**
   * Trades a session string for a browser session. `pathToken` is the /cpsessN of the login URL, or null
   * for a bare /login/ (the session carries its own token then). A failed attempt does not burn the session.
   */
  redeem(
    session: string,
    service: Service,
    pathToken: string | null,
    /** The login's own check of the user (a suspended mailbox); a refusal burns the session too. */
    allow: (issued: IssuedSession) => boolean = () => true,
  ): RedeemResult {
    const issued = this.issued.get(session);
    if (!issued) return { ok: false, reason: 'unknown' };
    if (issued.used) return { ok: false, reason: 'used' };
    if (issued.expired || this.now() - issued.createdAt > UNUSED_SESSION_MS)
      return { ok: false, reason: 'expired' };
    if (issued.service !== service) return { ok: false, reason: 'wrong_service' };
    if (pathToken !== null && pathToken !== issued.token) return { ok: false, reason: 'wrong_token' };
    issued.used = true;
    if (!allow(issued)) return { ok: false, reason: 'refused' };
    const cookie: CookieSession = {
      id: `${randomAlnum(32)}`,
      cookieName: COOKIE_BY_SERVICE[service],
      service,
      user: issued.user,
      token: issued.token,
      app: issued.app,
      locale: issued.locale,
      lastSeen: this.now(),
    };
    this.cookies.set(cookie.id, cookie);
    return { ok: true, issued, cookie };
  }

  /** The live browser session named by the request's cookie for this service and security token. */
  browserSession(
    cookies: Map<string, string>,
    service: Service,
    token: string | null,
  ): CookieSession | undefined {
    if (token === null) return undefined;
    const id = cookies.get(COOKIE_BY_SERVICE[service]);
    const cookie = id === undefined ? undefined : this.cookies.get(id);
    if (!cookie || cookie.service !== service || cookie.token !== token) return undefined;
    if (this.now() - cookie.lastSeen > IDLE_SESSION_MS) {
      this.cookies.delete(cookie.id);
      return undefined;
    }
    cookie.lastSeen = this.now();
    return cookie;
  }

  /** Test helper: every issued, unused session becomes expired. */
  expireAll(): void {
    for (const issued of this.issued.values()) if (!issued.used) issued.expired = true;
  }

  private freshToken(): string {
    let token = newSecurityToken();
    while (this.tokensInUse.has(token)) token = newSecurityToken();
    return token;
  }
}
