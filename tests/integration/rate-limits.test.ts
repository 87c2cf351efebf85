// next-auth's route handler reads cookies() and headers() from Next's request
// scope, which needs AsyncLocalStorage on globalThis before any Next module
// loads; the Next server does the same with this import first.
import "next/dist/server/node-environment-baseline";
import { randomInt } from "node:crypto";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { createRequestStore } from "next/dist/server/async-storage/request-store";
import { createWorkStore } from "next/dist/server/async-storage/work-store";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as nextAuthGet, POST as nextAuthPost } from "@/app/api/auth/[...nextauth]/route";
import { POST as signUp } from "@/app/api/v1/account/signup/route";
import {
  SIGN_IN_PER_EMAIL,
  SIGN_IN_PER_IP,
  SIGN_UP_PER_EMAIL,
  SIGN_UP_PER_IP,
  hitRateLimit,
  type RateLimit,
} from "@/lib/auth/rate-limit";
import { checkCredentials, createUser } from "@/lib/auth/users";
import { getDb, useDbHandle } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/open-database";
import { type AppError, isAppError } from "@/lib/errors/app-error";
import { apiRequest } from "../support/api-requests";
import { buildUser } from "../support/builders";
import { uniqueName, useTestDatabase } from "../support/test-database";

const database = useTestDatabase();

const PASSWORD = "correct horse battery staple";

/** A rule of its own per test, so counters never leak between tests. */
function testRule(limit: number, windowSeconds = 600): RateLimit {
  return { name: uniqueName("test-rule"), limit, windowSeconds };
}

/** A client address no other test uses: the sign-in and sign-up routes also count per IP. */
function freshIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** The RATE_LIMITED error `attempt` throws; an attempt that is let through fails the test. */
async function refusal(attempt: () => Promise<void>): Promise<AppError> {
  try {
    await attempt();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected RATE_LIMITED, but the attempt was let through");
}

async function expectLimited(attempt: () => Promise<void>): Promise<number> {
  const error = await refusal(attempt);
  expect(error.code).toBe("RATE_LIMITED");
  expect(error.status).toBe(429);
  const retryAfter = error.details?.retryAfterSeconds;
  if (typeof retryAfter !== "number") throw new Error("RATE_LIMITED without details.retryAfterSeconds");
  expect(retryAfter).toBeGreaterThan(0);
  return retryAfter;
}

/** Moves every window of `rule` back by `seconds`, as if that much time had passed. */
async function ageWindows(rule: RateLimit, seconds: number): Promise<void> {
  const db = await getDb();
  const changed = await db.$executeRaw`
    UPDATE "RateLimitCounter" SET "windowStart" = "windowStart" - make_interval(secs => ${seconds})
    WHERE "key" LIKE ${`${rule.name}:%`}`;
  expect(changed).toBeGreaterThan(0);
}

/** A 429 as errorResponse writes it: JSON error body and a positive Retry-After. */
async function expectTooManyRequests(response: Response): Promise<void> {
  expect(response.status).toBe(429);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await response.json()).toEqual({ error: { code: "RATE_LIMITED", message: expect.stringMatching(/^Too many attempts/) } });
}

describe("hitRateLimit", () => {
  it("lets `limit` attempts through, then refuses with RATE_LIMITED and a Retry-After within the window", async () => {
    const rule = testRule(3, 600);
    for (let i = 0; i < rule.limit; i++) await hitRateLimit(rule, "alice@example.org");
    const retryAfter = await expectLimited(() => hitRateLimit(rule, "alice@example.org"));
    expect(retryAfter).toBeLessThanOrEqual(600);
    // Further attempts stay refused; they do not wrap around or reset the count.
    await expectLimited(() => hitRateLimit(rule, "alice@example.org"));
  });

  it("counts each subject and each rule separately", async () => {
    const rule = testRule(2);
    await hitRateLimit(rule, "alice@example.org");
    await hitRateLimit(rule, "alice@example.org");
    await expectLimited(() => hitRateLimit(rule, "alice@example.org"));
    // Bob's attempts and another rule's attempts are untouched by Alice's.
    await hitRateLimit(rule, "bob@example.org");
    await hitRateLimit(rule, "bob@example.org");
    await expectLimited(() => hitRateLimit(rule, "bob@example.org"));
    const other = testRule(1);
    await hitRateLimit(other, "alice@example.org");
  });

  it("treats spellings of one subject that differ only in case or surrounding spaces as the same subject", async () => {
    const rule = testRule(2);
    await hitRateLimit(rule, "carol@example.org");
    await hitRateLimit(rule, "Carol@Example.ORG");
    await expectLimited(() => hitRateLimit(rule, "  carol@example.org "));
  });

  it("starts a new window once the old one has passed, and not before", async () => {
    const rule = testRule(2, 600);
    await hitRateLimit(rule, "dave@example.org");
    await hitRateLimit(rule, "dave@example.org");
    await expectLimited(() => hitRateLimit(rule, "dave@example.org"));

    // 570 of the 600 seconds gone: still refused, and Retry-After counts from the window's start.
    await ageWindows(rule, 570);
    const retryAfter = await expectLimited(() => hitRateLimit(rule, "dave@example.org"));
    expect(retryAfter).toBeLessThanOrEqual(31);

    // The window over: the count starts again at one, so `limit` attempts pass before the next refusal.
    await ageWindows(rule, 31);
    await hitRateLimit(rule, "dave@example.org");
    await hitRateLimit(rule, "dave@example.org");
    const fresh = await expectLimited(() => hitRateLimit(rule, "dave@example.org"));
    expect(fresh).toBeGreaterThan(590);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "holds across app processes: two database handles on one PostgreSQL share the counter, even when hit at once",
    async () => {
      const first = database.handle();
      const second = await openDatabase(first.target);
      try {
        const rule = testRule(5);
        // getDb() is read synchronously when an attempt starts, so switching the
        // handle between calls sends alternate attempts through different pools.
        const attempts: Array<Promise<void>> = [];
        for (let i = 0; i < 12; i++) {
          useDbHandle(i % 2 === 0 ? first : second);
          attempts.push(hitRateLimit(rule, "erin@example.org"));
        }
        const outcomes = await Promise.allSettled(attempts);
        const refused = outcomes.filter((outcome) => outcome.status === "rejected");
        expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(5);
        for (const outcome of refused) expect(isAppError(outcome.reason) && outcome.reason.code).toBe("RATE_LIMITED");

        // And sequentially: the second "process" sees the first one's count.
        const sequential = testRule(2);
        useDbHandle(first);
        await hitRateLimit(sequential, "frank@example.org");
        await hitRateLimit(sequential, "frank@example.org");
        useDbHandle(second);
        await expectLimited(() => hitRateLimit(sequential, "frank@example.org"));
      } finally {
        useDbHandle(first);
        await second.close();
      }
    },
  );
});

describe("sign-up route", () => {
  function signUpRequest(email: string, ip: string): Request {
    return apiRequest("/api/v1/account/signup", {
      method: "POST",
      json: { email, password: PASSWORD },
      headers: { "x-forwarded-for": ip },
    });
  }

  it(`answers 429 with Retry-After after ${SIGN_UP_PER_EMAIL.limit} attempts for one email, whatever the address`, async () => {
    const email = `${uniqueName("signup")}@example.org`;
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_UP_PER_EMAIL.limit; i++) {
      statuses.push((await signUp(signUpRequest(email, freshIp()), {})).status);
    }
    // The first creates the account, the rest find it taken; none is limited yet.
    expect(statuses).toEqual([201, ...Array<number>(SIGN_UP_PER_EMAIL.limit - 1).fill(409)]);
    await expectTooManyRequests(await signUp(signUpRequest(email, freshIp()), {}));
    await expectTooManyRequests(await signUp(signUpRequest(email.toUpperCase(), freshIp()), {}));
    // The limit is on the email, not on the client: another email still signs up.
    expect((await signUp(signUpRequest(`${uniqueName("signup")}@example.org`, freshIp()), {})).status).toBe(201);
  });

  it(`answers 429 after ${SIGN_UP_PER_IP.limit} attempts from one address, counted before the body is read`, async () => {
    const ip = freshIp();
    for (let i = 0; i < SIGN_UP_PER_IP.limit; i++) {
      const malformed = apiRequest("/api/v1/account/signup", { method: "POST", json: "not an object", headers: { "x-forwarded-for": ip } });
      expect((await signUp(malformed, {})).status).toBe(400);
    }
    await expectTooManyRequests(await signUp(signUpRequest(`${uniqueName("signup")}@example.org`, ip), {}));
    expect((await signUp(signUpRequest(`${uniqueName("signup")}@example.org`, freshIp()), {})).status).toBe(201);
  });
});

/**
 * Runs a route handler inside a Next.js request scope built from `request`, as
 * the Next server does for app routes: next-auth's handler reads cookies() and
 * headers() from that scope, and they throw outside one.
 */
function inRequestScope<T>(request: NextRequest, run: () => Promise<T>): Promise<T> {
  const work = createWorkStore({
    page: "/api/auth/[...nextauth]/route",
    renderOpts: {
      // Nothing here is cached; the store only needs well-formed settings.
      cacheLifeProfiles: { default: { stale: 300, revalidate: 900, expire: 31_536_000 } },
      staticPageGenerationTimeout: 60,
      cacheComponents: false,
      validationLevel: "warning",
      experimental: { isRoutePPREnabled: false, authInterrupts: false, useCacheTimeout: 60_000, durableUseCacheEntries: false },
      waitUntil: undefined,
      onClose: () => {},
      onAfterTaskError: undefined,
    },
    buildId: "integration-tests",
    deploymentId: "",
    previouslyRevalidatedTags: [],
  });
  const unit = createRequestStore({
    phase: "action",
    headers: request.headers,
    onUpdateCookies: undefined,
    url: { pathname: request.nextUrl.pathname, search: request.nextUrl.search },
    rootParams: {},
    implicitTags: { tags: [], expirationsByCacheKind: new Map() },
    resumeDataCache: null,
    previewProps: undefined,
    isHmrRefresh: false,
    serverComponentsHmrCache: undefined,
    hmrRefreshHash: undefined,
    stagedFallbackParams: null,
  });
  return workAsyncStorage.run(work, () => workUnitAsyncStorage.run(unit, run));
}

const AUTH_URL = "http://planner.test/api/auth";

/** The route context Next.js passes to app/api/auth/[...nextauth]. */
function nextAuthParams(...segments: string[]): { params: Promise<{ nextauth: string[] }> } {
  return { params: Promise.resolve({ nextauth: segments }) };
}

/** A browser's CSRF token and cookie, as the sign-in page gets them from next-auth. */
async function csrf(): Promise<{ csrfToken: string; cookie: string }> {
  const request = new NextRequest(`${AUTH_URL}/csrf`);
  const response: Response = await inRequestScope(request, () => nextAuthGet(request, nextAuthParams("csrf")));
  expect(response.status).toBe(200);
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null || !("csrfToken" in body) || typeof body.csrfToken !== "string") {
    throw new Error("next-auth answered /csrf without a csrfToken");
  }
  const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  return { csrfToken: body.csrfToken, cookie };
}

/** What the sign-in form posts to next-auth's credentials callback (json=true: answer JSON, not a redirect). */
async function signIn(
  browser: { csrfToken: string; cookie: string },
  form: { email: string; password: string },
  ip = freshIp(),
): Promise<Response> {
  const body = new URLSearchParams({ ...form, csrfToken: browser.csrfToken, callbackUrl: "http://planner.test/", json: "true" });
  const request = new NextRequest(`${AUTH_URL}/callback/credentials`, {
    method: "POST",
    body,
    headers: { cookie: browser.cookie, "x-forwarded-for": ip },
  });
  return inRequestScope(request, () => nextAuthPost(request, nextAuthParams("callback", "credentials")));
}

function cookieNames(response: Response): string[] {
  return response.headers
    .getSetCookie()
    .map((line) => line.split("=")[0] ?? "")
    .sort();
}

describe("password sign-in (next-auth credentials callback)", () => {
  it("signs in with the right password (so the refusals below are real credential checks)", async () => {
    const { email } = await createUser({ email: `${uniqueName("signin")}@example.org`, password: PASSWORD });
    const response = await signIn(await csrf(), { email, password: PASSWORD });
    expect(response.status).toBe(200);
    expect(cookieNames(response)).toContain("next-auth.session-token");
  });

  it("answers an unknown email and a wrong password identically, with no session", async () => {
    const { email } = await createUser({ email: `${uniqueName("signin")}@example.org`, password: PASSWORD });
    const browser = await csrf();
    const wrongPassword = await signIn(browser, { email, password: "not the password at all" });
    const unknownEmail = await signIn(browser, { email: `${uniqueName("nobody")}@example.org`, password: PASSWORD });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(wrongPassword.status);
    expect(await unknownEmail.text()).toBe(await wrongPassword.text());
    expect(cookieNames(unknownEmail)).toEqual(cookieNames(wrongPassword));
    expect(cookieNames(wrongPassword)).not.toContain("next-auth.session-token");
  });

  it("checkCredentials returns null for an unknown email, a wrong password and an account without a password", async () => {
    const { email, id } = await createUser({ email: `${uniqueName("signin")}@example.org`, password: PASSWORD });
    const passwordless = await buildUser();
    expect(await checkCredentials(email, "not the password at all")).toBeNull();
    expect(await checkCredentials(`${uniqueName("nobody")}@example.org`, PASSWORD)).toBeNull();
    expect(await checkCredentials(passwordless.email, PASSWORD)).toBeNull();
    expect(await checkCredentials(` ${email.toUpperCase()} `, PASSWORD)).toMatchObject({ id, email });
  });

  it(`answers 429 JSON with Retry-After after ${SIGN_IN_PER_EMAIL.limit} attempts for one email, even with the right password`, async () => {
    const { email } = await createUser({ email: `${uniqueName("signin")}@example.org`, password: PASSWORD });
    const browser = await csrf();
    for (let i = 0; i < SIGN_IN_PER_EMAIL.limit; i++) {
      expect((await signIn(browser, { email, password: `guess number ${i}` })).status).toBe(401);
    }
    const limited = await signIn(browser, { email, password: PASSWORD });
    expect(cookieNames(limited)).not.toContain("next-auth.session-token");
    await expectTooManyRequests(limited);
  });

  it("does not reset the per-email count for a spelling of the email that differs in case or spaces", async () => {
    const { email } = await createUser({ email: `${uniqueName("signin")}@example.org`, password: PASSWORD });
    const browser = await csrf();
    for (let i = 0; i < SIGN_IN_PER_EMAIL.limit; i++) {
      expect((await signIn(browser, { email, password: `guess number ${i}` })).status).toBe(401);
    }
    // checkCredentials trims and lower-cases, so these reach the same account.
    await expectTooManyRequests(await signIn(browser, { email: ` ${email.toUpperCase()}`, password: PASSWORD }));
    await expectTooManyRequests(await signIn(browser, { email: `${email}  `, password: PASSWORD }));
  });

  it(`answers 429 after ${SIGN_IN_PER_IP.limit} attempts from one address, whatever the emails`, async () => {
    const ip = freshIp();
    const browser = await csrf();
    for (let i = 0; i < SIGN_IN_PER_IP.limit; i++) {
      // No email: next-auth refuses without a password check, which keeps the loop quick.
      expect((await signIn(browser, { email: "", password: "x" }, ip)).status).toBe(401);
    }
    await expectTooManyRequests(await signIn(browser, { email: `${uniqueName("nobody")}@example.org`, password: "x" }, ip));
  });
});
