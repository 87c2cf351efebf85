import { z } from "zod";
import { getAppUrl } from "@/lib/auth/auth-secret";
import { hashSecret, newSecret } from "@/lib/auth/secret-token";
import { getDb } from "@/lib/db/client";

export type CalendarFeedUrls = { url: string; webcalUrl: string };

const TOKEN_PREFIX = "cal";

/** What newSecret makes: the prefix and 24 random bytes in base64url. Anything else cannot be a token. */
export const ZCalendarFeedToken = z.string().regex(/^cal_[A-Za-z0-9_-]{16,64}$/);

/** The path segment of a feed URL: the token, with the ".ics" calendar apps like to see. */
export const ZCalendarFeedSegment = z
  .string()
  .regex(/^cal_[A-Za-z0-9_-]{16,64}(\.ics)?$/)
  .transform((segment) => segment.replace(/\.ics$/, ""));

export function calendarFeedUrls(token: string): CalendarFeedUrls {
  const url = `${getAppUrl()}/calendar/${token}.ics`;
  // webcal:// is the same URL under the scheme that makes the OS hand it to the calendar app as a subscription.
  return { url, webcalUrl: url.replace(/^https?:\/\//, "webcal://") };
}

/**
 * Gives the user a new feed URL. There is one per user: the new secret
 * replaces the old one's hash in the same row, so the old URL stops working
 * with this write, and a user who leaked a URL can kill it by regenerating.
 */
export async function createCalendarFeed(userId: string): Promise<CalendarFeedUrls> {
  const db = await getDb();
  const token = newSecret(TOKEN_PREFIX);
  const tokenHash = hashSecret(token);
  // An upsert on the unique userId, so two concurrent requests leave one row, whichever wrote last.
  await db.calendarFeedToken.upsert({
    where: { userId },
    create: { userId, tokenHash },
    update: { tokenHash, createdAt: new Date() },
    select: { id: true },
  });
  return calendarFeedUrls(token);
}

/** Whether the user has a feed, and since when; the URL itself is not stored and cannot be shown again. */
export async function findCalendarFeed(userId: string): Promise<{ createdAt: Date } | null> {
  const db = await getDb();
  return db.calendarFeedToken.findUnique({ where: { userId }, select: { createdAt: true } });
}

/** The user a feed token belongs to; null for a malformed, unknown or replaced token. */
export async function userIdForCalendarFeed(token: string): Promise<string | null> {
  if (!ZCalendarFeedToken.safeParse(token).success) return null;
  const db = await getDb();
  const row = await db.calendarFeedToken.findUnique({ where: { tokenHash: hashSecret(token) }, select: { userId: true } });
  return row?.userId ?? null;
}
