import { DateTime } from "luxon";

/**
 * Dates that belong to no conference (invite expiry, link creation) in UTC
 * and saying so: the server does not know the reader's zone, and a page must
 * render the same on the server and in the browser.
 */
export function formatInstantUtc(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: "utc" }).toFormat("d LLL yyyy, HH:mm 'UTC'");
}
