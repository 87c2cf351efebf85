import { DateTime } from "luxon";

/** Display helpers: every time is shown in the conference's own zone. */

export function formatDay(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("cccc d LLLL yyyy");
}

export function formatTime(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("HH:mm");
}

export function formatDateRange(start: Date, end: Date, zone: string): string {
  const from = DateTime.fromJSDate(start, { zone });
  const to = DateTime.fromJSDate(end, { zone });
  if (from.hasSame(to, "day")) return from.toFormat("d LLLL yyyy");
  if (from.hasSame(to, "month")) return `${from.toFormat("d")}–${to.toFormat("d LLLL yyyy")}`;
  return `${from.toFormat("d LLLL")} – ${to.toFormat("d LLLL yyyy")}`;
}

/** "EDT (America/New_York)": the zone as people read it, for "times are shown in …". */
export function describeZone(instant: Date, zone: string): string {
  return `${DateTime.fromJSDate(instant, { zone }).toFormat("ZZZZ")} (${zone})`;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in `zone`. */
export function dayKey(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd");
}
