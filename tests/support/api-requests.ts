import { encode } from "next-auth/jwt";
import { createApiToken } from "@/lib/auth/api-tokens";
import { getAppUrl, getAuthSecret } from "@/lib/auth/auth-secret";
import { currentSessionVersion } from "@/lib/auth/session-version";

/**
 * Requests for calling route handlers directly in integration tests, as a
 * browser session (a real next-auth session cookie), with a personal API
 * token, or anonymously.
 */
export type Credentials = { cookie: string } | { bearer: string } | null;

export async function sessionFor(userId: string): Promise<Credentials> {
  const token = await encode({
    token: { sub: userId, sv: await currentSessionVersion(userId) },
    secret: getAuthSecret(),
  });
  return { cookie: `next-auth.session-token=${token}` };
}

export async function bearerFor(userId: string): Promise<{ bearer: string; tokenId: string }> {
  const created = await createApiToken(userId, "test token");
  return { bearer: created.token, tokenId: created.id };
}

export function apiRequest(
  path: string,
  options: { method?: string; json?: unknown; as?: Credentials; origin?: string | null; headers?: Record<string, string> } = {},
): Request {
  const url = new URL(path, getAppUrl());
  const headers = new Headers(options.headers);
  headers.set("host", url.host);
  const credentials = options.as ?? null;
  if (credentials && "cookie" in credentials) headers.set("cookie", credentials.cookie);
  if (credentials && "bearer" in credentials) headers.set("authorization", `Bearer ${credentials.bearer}`);
  // Browsers send Origin on writes; tests send ours unless told otherwise.
  const origin = options.origin === undefined ? url.origin : options.origin;
  if (origin) headers.set("origin", origin);
  if (options.json !== undefined) headers.set("content-type", "application/json");
  return new Request(url, {
    method: options.method ?? "GET",
    headers,
    body: options.json !== undefined ? JSON.stringify(options.json) : undefined,
  });
}

/** Route context as Next.js passes it: params as a promise. */
export function routeParams<P extends Record<string, string>>(params: P): { params: Promise<P> } {
  return { params: Promise.resolve(params) };
}
