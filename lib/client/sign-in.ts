import { ApiError } from "./api-fetch";

/**
 * Signs in through next-auth's own endpoints (CSRF token, then the provider's
 * callback) rather than its client helper, so that our rate limit's 429 and
 * its message reach the form intact.
 */
async function postToAuth(path: string, fields: Record<string, string>): Promise<string> {
  const csrf = (await (await fetch("/api/auth/csrf", { credentials: "same-origin" })).json()) as { csrfToken: string };
  const response = await fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ ...fields, csrfToken: csrf.csrfToken, json: "true" }),
  });
  const body = (await response.json().catch(() => null)) as { url?: string; error?: { code: string; message: string } } | null;
  // next-auth answers a refused sign-in with 401 and a URL carrying ?error=…;
  // our rate limit answers 429 with { error }.
  if (!body?.url) {
    throw new ApiError(response.status, body?.error?.code ?? "SIGN_IN_FAILED", body?.error?.message ?? "Signing in failed. Try again.");
  }
  return body.url;
}

export async function signInWithPassword(email: string, password: string, callbackUrl: string): Promise<void> {
  const url = await postToAuth("/api/auth/callback/credentials", { email, password, callbackUrl });
  if (new URL(url, window.location.href).searchParams.has("error")) {
    throw new ApiError(401, "UNAUTHENTICATED", "The email or the password is not right.");
  }
}

export async function requestMagicLink(email: string, callbackUrl: string): Promise<string> {
  return postToAuth("/api/auth/signin/email", { email, callbackUrl });
}

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeCallbackPath(value: string | null | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}
