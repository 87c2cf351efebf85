import { AppError } from "@/lib/errors/app-error";
import { userForApiToken } from "./api-tokens";
import { decode } from "next-auth/jwt";
import { getAppUrl, getAuthSecret } from "./auth-secret";
import { userForSession } from "./session-version";
import type { AccountUser } from "./users";

export type Caller = AccountUser & { via: "session" | "token" };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A cookie-authenticated write must come from our own pages: the browser's
 * Origin must name this host. Bearer-token calls carry no ambient credential
 * and are exempt.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || !host || originHost !== host) {
    throw new AppError("FORBIDDEN", "cross-site request refused: the Origin header does not match this site");
  }
}

function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0) cookies[part.slice(0, index).trim()] = decodeURIComponent(part.slice(index + 1).trim());
  }
  return cookies;
}

/**
 * The browser session, read from the request's own cookies (not from the
 * ambient request scope), so route handlers behave the same when tests call
 * them with a plain Request.
 */
async function sessionUserOf(request: Request): Promise<AccountUser | null> {
  const secure = getAppUrl().startsWith("https://");
  const name = secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
  const cookies = parseCookies(request.headers.get("cookie"));
  // next-auth splits a large session cookie into name.0, name.1, …
  const chunks = Object.keys(cookies)
    .filter((key) => key.startsWith(`${name}.`))
    .sort((a, b) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1)));
  const raw = cookies[name] ?? (chunks.length > 0 ? chunks.map((key) => cookies[key]).join("") : undefined);
  if (!raw) return null;
  // A cookie that does not decode (another secret, tampered, expired) is simply no session.
  const token = await decode({ token: raw, secret: getAuthSecret() }).catch(() => null);
  return userForSession(token?.sub, token?.sv);
}

/** Who is calling: a personal API token (Authorization: Bearer) or the browser session. */
export async function getCaller(request: Request): Promise<Caller | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const user = match?.[1] ? await userForApiToken(match[1]) : null;
    // A bad token is refused outright, never silently replaced by the cookie.
    if (!user) throw new AppError("UNAUTHENTICATED", "the API token is unknown or revoked");
    return { ...user, via: "token" };
  }
  const user = await sessionUserOf(request);
  if (!user) return null;
  assertSameOrigin(request);
  return { ...user, via: "session" };
}

export async function requireCaller(request: Request): Promise<Caller> {
  const caller = await getCaller(request);
  if (!caller) throw new AppError("UNAUTHENTICATED", "sign in, or send a personal API token as Authorization: Bearer");
  return caller;
}

export async function requireAdmin(request: Request): Promise<Caller> {
  const caller = await requireCaller(request);
  if (caller.role !== "ADMIN") throw new AppError("FORBIDDEN", "only an admin may do this");
  return caller;
}
