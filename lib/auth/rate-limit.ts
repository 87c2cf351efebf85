import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Fixed-window rate limits with the counters in the database, so the limit
 * holds when several app processes share one PostgreSQL. One statement
 * increments (or restarts) the window atomically.
 */
export type RateLimit = { name: string; limit: number; windowSeconds: number };

export const SIGN_IN_PER_EMAIL: RateLimit = { name: "sign-in:email", limit: 10, windowSeconds: 15 * 60 };
export const SIGN_IN_PER_IP: RateLimit = { name: "sign-in:ip", limit: 100, windowSeconds: 15 * 60 };
export const SIGN_UP_PER_IP: RateLimit = { name: "sign-up:ip", limit: 30, windowSeconds: 60 * 60 };
export const SIGN_UP_PER_EMAIL: RateLimit = { name: "sign-up:email", limit: 5, windowSeconds: 60 * 60 };

/** Counts one attempt against `rule` for `subject`; throws RATE_LIMITED (with Retry-After) past the limit. */
export async function hitRateLimit(rule: RateLimit, subject: string): Promise<void> {
  const db = await getDb();
  // Normalized as checkCredentials normalizes emails (trim, lower case): a
  // spelling that reaches the same account must not open a fresh counter.
  const key = `${rule.name}:${subject.trim().toLowerCase()}`;
  const seconds = rule.windowSeconds;
  const [row] = await db.$queryRaw<{ count: number; retry_after: number }[]>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitCounter"."windowStart" <= now() - make_interval(secs => ${seconds}) THEN 1
                     ELSE "RateLimitCounter"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitCounter"."windowStart" <= now() - make_interval(secs => ${seconds}) THEN now()
                     ELSE "RateLimitCounter"."windowStart" END
    RETURNING "count",
      GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${seconds}) - now()))))::int AS retry_after`;
  // Expired counters are only clutter; sweep them now and then rather than on every hit.
  if (Math.random() < 0.01) {
    await db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "windowStart" < now() - interval '1 day'`;
  }
  if (row && row.count > rule.limit) {
    throw new AppError("RATE_LIMITED", `Too many attempts. Try again in ${formatWait(row.retry_after)}.`, {
      retryAfterSeconds: row.retry_after,
    });
  }
}

function formatWait(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

/** The client's address as the proxy in front reports it; "local" when there is none. */
export function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "local";
}
