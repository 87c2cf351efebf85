import type { CalendarDownload, CalendarFeed } from "./build-calendar-files";

export const CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";

/**
 * Polling calendar apps may keep the feed for five minutes; `private` keeps
 * shared caches from storing a response whose URL is the only secret.
 */
export const FEED_CACHE_CONTROL = "private, max-age=300";

/** A calendar file the browser saves (or hands to the calendar app) rather than shows. */
export function calendarAttachmentResponse(download: CalendarDownload, cacheControl: string): Response {
  return new Response(download.ics, {
    status: 200,
    headers: {
      "Content-Type": CALENDAR_CONTENT_TYPE,
      // File names are built from slugs (ASCII letters, digits and dashes), so quoting is enough.
      "Content-Disposition": `attachment; filename="${download.fileName}"`,
      "Cache-Control": cacheControl,
    },
  });
}

/** The feed, or 304 with the same validators when the client already has this version. */
export function calendarFeedResponse(feed: CalendarFeed, notModified: boolean): Response {
  const headers = {
    ETag: feed.etag,
    "Last-Modified": feed.lastModified.toUTCString(),
    "Cache-Control": FEED_CACHE_CONTROL,
  };
  if (notModified) return new Response(null, { status: 304, headers });
  return new Response(feed.ics, { status: 200, headers: { ...headers, "Content-Type": CALENDAR_CONTENT_TYPE } });
}
