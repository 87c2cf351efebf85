import { DateTime, IANAZone } from "luxon";
import { AppError } from "@/lib/errors/app-error";

/**
 * Wall-clock ↔ instant conversion in a conference's IANA zone, done by luxon
 * (the tz database), never by offset arithmetic of our own: a conference that
 * spans a daylight-saving change gets every session right.
 */

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** Throws INVALID_INPUT naming `where` when `zone` is not an IANA zone. */
export function assertTimeZone(zone: string, where: string): string {
  if (!isValidTimeZone(zone)) {
    throw new AppError("INVALID_INPUT", `${where}: unknown time zone "${zone}" (expected an IANA name such as Europe/Berlin)`);
  }
  return zone;
}

/**
 * The instant at which clocks in `zone` show `date` (YYYY-MM-DD) and `time`
 * (HH:MM or HH:MM:SS). Returns null when the parts do not form a valid
 * date-time, so the caller can name the offending line or field.
 */
export function zonedWallTimeToUtc(date: string, time: string, zone: string): Date | null {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  return dt.isValid ? dt.toUTC().toJSDate() : null;
}

/**
 * Parses an ISO 8601 date-time. One with an offset or Z is taken as is; a
 * zone-less one is read as wall-clock time in `zone`. Null when invalid.
 */
export function parseIsoDateTime(value: string, zone: string): Date | null {
  const dt = DateTime.fromISO(value.trim(), { zone, setZone: false });
  return dt.isValid ? dt.toUTC().toJSDate() : null;
}

/** Formats an instant as wall-clock parts in `zone`. */
export function toZonedParts(instant: Date, zone: string): { date: string; time: string } {
  const dt = DateTime.fromJSDate(instant, { zone });
  return { date: dt.toFormat("yyyy-MM-dd"), time: dt.toFormat("HH:mm") };
}
