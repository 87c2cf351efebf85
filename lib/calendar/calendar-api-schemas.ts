import { z } from "zod";

/**
 * The shapes the calendar routes answer with, kept free of server imports so
 * the browser can check what it receives against the same definitions.
 */

export const ZCalendarFeedUrls = z.object({ url: z.string().url(), webcalUrl: z.string().startsWith("webcal://") });
export type CalendarFeedUrlsBody = z.infer<typeof ZCalendarFeedUrls>;

export const ZCalendarFeedStatus = z.object({ feed: z.object({ createdAt: z.string() }).nullable() });
export type CalendarFeedStatus = z.infer<typeof ZCalendarFeedStatus>;

export const CALENDAR_ALARM_CHOICES = [5, 10, 15, 30] as const;

/** The calendar part of PATCH /api/v1/me/settings; the answer holds more, which is dropped. */
export const ZCalendarSettings = z.object({
  calendarAlarmMinutes: z.union([z.literal(5), z.literal(10), z.literal(15), z.literal(30)]).nullable(),
  calendarIncludeNotes: z.boolean(),
});
export type CalendarSettings = z.infer<typeof ZCalendarSettings>;

/** Google Calendar subscribes to a feed given as `cid`, which it accepts in the webcal:// form. */
export function googleCalendarSubscribeUrl(webcalUrl: string): string {
  return `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcalUrl)}`;
}

export function agendaDownloadPath(conferenceSlug: string): string {
  return `/api/v1/me/agenda.ics?conference=${encodeURIComponent(conferenceSlug)}`;
}

export function sessionDownloadPath(sessionId: string): string {
  return `/api/v1/sessions/${encodeURIComponent(sessionId)}/ics`;
}
