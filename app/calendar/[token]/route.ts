import { apiRoute } from "@/lib/api/respond";
import { buildCalendarFeed } from "@/lib/calendar/build-calendar-files";
import { ZCalendarFeedSegment } from "@/lib/calendar/calendar-feed-tokens";
import { calendarFeedResponse } from "@/lib/calendar/calendar-responses";
import { checkNotModified } from "@/lib/calendar/check-not-modified";
import { AppError } from "@/lib/errors/app-error";

const FEED_NOT_FOUND = "no calendar feed at this address; it may have been replaced by a newer one";

/**
 * The subscription feed. The secret in the URL is the only credential:
 * calendar apps send no cookie, and one is not looked at.
 */
export const GET = apiRoute<{ params: Promise<{ token: string }> }>(async (request, { params }) => {
  const segment = ZCalendarFeedSegment.safeParse((await params).token);
  // A malformed token is as unknown as a revoked one: 404 either way, so nothing is learnt from the difference.
  if (!segment.success) throw new AppError("NOT_FOUND", FEED_NOT_FOUND);
  const feed = await buildCalendarFeed(segment.data);
  if (feed === null) throw new AppError("NOT_FOUND", FEED_NOT_FOUND);
  return calendarFeedResponse(feed, checkNotModified(request.headers, feed));
});
