import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type BrowserContext } from "@playwright/test";

export type TestAccount = { email: string; password: string; name: string };

export function newAccount(prefix = "attendee"): TestAccount {
  const id = randomBytes(4).toString("hex");
  return { email: `${prefix}-${id}@example.org`, password: `long-pass-${id}-phrase`, name: `${prefix} ${id}` };
}

/** Creates the account over HTTP, as the sign-up page does. */
export async function signUpOverHttp(request: APIRequestContext, baseURL: string, account: TestAccount): Promise<void> {
  const response = await request.post("/api/v1/account/signup", {
    data: account,
    headers: { Origin: baseURL },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** Signs the browser context in through next-auth's endpoints, so its pages are signed in. */
export async function signInOverHttp(context: BrowserContext, baseURL: string, account: TestAccount): Promise<void> {
  const csrf = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email: account.email, password: account.password, json: "true" },
    headers: { Origin: baseURL },
  });
  expect(response.ok()).toBe(true);
  const me = await context.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
}

export async function newSignedInAccount(context: BrowserContext, baseURL: string, prefix?: string): Promise<TestAccount> {
  const account = newAccount(prefix);
  await signUpOverHttp(context.request, baseURL, account);
  await signInOverHttp(context, baseURL, account);
  return account;
}
