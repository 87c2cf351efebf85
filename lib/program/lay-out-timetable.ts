import { DateTime } from "luxon";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { ParsedProgram, ParsedSession } from "@/lib/program/parsed-program";
import { assertTimeZone, toZonedParts, zonedWallTimeToUtc } from "@/lib/program/zoned-time";

/**
 * Gives times and rooms to a program whose source has none (the listing):
 * keynotes one after another in the plenary room, then all tracks in
 * parallel, one room per track, slot k of every track at the same time.
 *
 * Durations are elapsed time: on a daylight-saving day a 40-minute session
 * still lasts 40 minutes, so its wall-clock end may jump an hour. Wall-clock
 * anchors (day start, lunch, midnight) are converted to instants by luxon in
 * the conference zone; a wall time that does not exist that day (inside a
 * spring-forward gap) is moved forward by luxon, e.g. 02:30 → 03:30.
 */

const WALL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/u;
const ZWallTime = z.string().regex(WALL_TIME, "expected a time as HH:MM (24-hour)");

export const ZLayoutOptions = z.object({
  /** The conference day, YYYY-MM-DD, in `timeZone`. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/u, "expected a date as YYYY-MM-DD")
    .refine((value) => DateTime.fromFormat(value, "yyyy-MM-dd", { zone: "utc" }).isValid, "not a calendar date"),
  /** IANA zone; the schema checks only that it is given, layOutTimetable checks the tz database. */
  timeZone: z.string().min(1),
  dayStart: ZWallTime.default("09:00"),
  sessionMinutes: z.number().int().positive().default(40),
  breakMinutes: z.number().int().nonnegative().default(10),
  /** Null: no lunch break. */
  lunch: z
    .object({ start: ZWallTime, minutes: z.number().int().positive() })
    .nullable()
    .default({ start: "12:30", minutes: 60 }),
  plenaryRoom: z.string().min(1).default("Plenary"),
  /** Room per track name; a track not named here gets a room named after the track. */
  trackRooms: z.record(z.string(), z.string().min(1)).default({}),
  /** Room for talks that belong to no track. */
  untrackedRoom: z.string().min(1).default("Main"),
});
/** What callers pass: everything but date and timeZone may be left out. */
export type LayoutOptions = z.input<typeof ZLayoutOptions>;
type ResolvedLayoutOptions = z.output<typeof ZLayoutOptions>;

const MINUTE_MS = 60_000;

type Interval = { start: number; end: number };

function readOptions(options: LayoutOptions): ResolvedLayoutOptions {
  const parsed = ZLayoutOptions.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "options"}: ${issue.message}`)
      .join("; ");
    throw new AppError("INVALID_INPUT", `layout options: ${problems}`);
  }
  assertTimeZone(parsed.data.timeZone, "layout options: timeZone");
  return parsed.data;
}

function wallTimeInstant(date: string, time: string, zone: string, field: string): number {
  const instant = zonedWallTimeToUtc(date, time, zone);
  if (instant === null) {
    throw new AppError("INVALID_INPUT", `layout options: ${field}: ${date} ${time} is not a valid time in ${zone}`);
  }
  return instant.getTime();
}

export function layOutTimetable(program: ParsedProgram, options: LayoutOptions): ParsedProgram {
  const opts = readOptions(options);
  const zone = opts.timeZone;
  const sessionMs = opts.sessionMinutes * MINUTE_MS;
  const breakMs = opts.breakMinutes * MINUTE_MS;

  const dayStart = wallTimeInstant(opts.date, opts.dayStart, zone, "dayStart");
  const nextMidnight = DateTime.fromISO(opts.date, { zone }).plus({ days: 1 }).startOf("day").toMillis();
  const lunch: Interval | null =
    opts.lunch === null
      ? null
      : (() => {
          const start = wallTimeInstant(opts.date, opts.lunch.start, zone, "lunch.start");
          return { start, end: start + opts.lunch.minutes * MINUTE_MS };
        })();

  const keynotes: number[] = [];
  // Keyed by room, not track, so tracks mapped to the same room share it one
  // after another instead of overlapping.
  const columns = new Map<string, number[]>();
  program.sessions.forEach((session, index) => {
    if (session.start !== null) return;
    if (session.kind === "keynote") {
      keynotes.push(index);
      return;
    }
    const room = session.track === null ? opts.untrackedRoom : (opts.trackRooms[session.track] ?? session.track);
    const column = columns.get(room);
    if (column === undefined) columns.set(room, [index]);
    else column.push(index);
  });

  let cursor = dayStart;
  /** The next slot at or after the cursor, moved past lunch if it would overlap it. */
  const takeSlot = (title: string): Interval => {
    let start = cursor;
    if (lunch !== null && start < lunch.end && start + sessionMs > lunch.start) start = lunch.end;
    const end = start + sessionMs;
    if (end > nextMidnight) {
      const endsAt = toZonedParts(new Date(end), zone);
      throw new AppError(
        "INVALID_INPUT",
        `the program does not fit in one day with these options: "${title}" would end at ${endsAt.date} ${endsAt.time} (${zone}), after midnight of ${opts.date}`,
        { date: opts.date, timeZone: zone },
      );
    }
    cursor = end + breakMs;
    return { start, end };
  };

  const placed = new Map<number, ParsedSession>();
  const place = (index: number, slot: Interval, room: string): void => {
    const session = program.sessions[index];
    if (session === undefined) return;
    placed.set(index, { ...session, start: new Date(slot.start), end: new Date(slot.end), room });
  };

  for (const index of keynotes) {
    place(index, takeSlot(program.sessions[index]?.title ?? ""), opts.plenaryRoom);
  }

  const slotCount = Math.max(0, ...[...columns.values()].map((column) => column.length));
  for (let k = 0; k < slotCount; k++) {
    // Name the first session of the slot in the error: it is one that no longer fits.
    const firstInSlot = [...columns.values()].map((column) => column[k]).find((index) => index !== undefined);
    const slot = takeSlot(firstInSlot === undefined ? "" : (program.sessions[firstInSlot]?.title ?? ""));
    for (const [room, column] of columns) {
      const index = column[k];
      if (index !== undefined) place(index, slot, room);
    }
  }

  return {
    ...program,
    conference: { ...program.conference },
    sessions: program.sessions.map((session, index) => placed.get(index) ?? session),
  };
}
