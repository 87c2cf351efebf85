import { getDb, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { dayKey } from "./format-time";
import { layOutTimetable, type LayoutOptions } from "./lay-out-timetable";
import type { ProgramFormat, ParsedProgram } from "./parsed-program";
import { parseProgram } from "./parse-program";
import { formatImportSummary, planImport, type ExistingSession, type ImportPlan, type TimedSession } from "./plan-import";
import { slugify } from "./slugify";
import { assertTimeZone } from "./zoned-time";

export type ImportRequest = {
  text: string;
  fileName: string;
  format: ProgramFormat | "auto";
  conferenceSlug?: string;
  /** Day to lay a timeless program out on (YYYY-MM-DD). */
  date?: string;
  /** IANA zone of the conference; overrides the zone the file names. */
  timeZone?: string;
  layout?: Partial<Omit<LayoutOptions, "date" | "timeZone">>;
  /** Plan only: report what would change and write nothing (the upload preview). */
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
};

export type ImportResult = {
  conference: { slug: string; title: string; timeZone: string; isNew: boolean };
  plan: ImportPlan;
  applied: boolean;
  summary: string;
};

type Tx = Prisma.TransactionClient;

const CHUNK = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function loadExisting(tx: Tx, conferenceId: string): Promise<ExistingSession[]> {
  const rows = await tx.session.findMany({
    where: { conferenceId },
    select: {
      id: true,
      externalId: true,
      title: true,
      abstract: true,
      kind: true,
      url: true,
      start: true,
      end: true,
      status: true,
      sequence: true,
      room: { select: { name: true } },
      track: { select: { name: true } },
      speakers: { orderBy: { position: "asc" }, select: { speaker: { select: { name: true, organization: true } } } },
    },
  });
  return rows.map(({ room, track, speakers, ...row }) => ({
    ...row,
    room: room?.name ?? null,
    track: track?.name ?? null,
    speakers: speakers.map((link) => link.speaker),
  }));
}

/**
 * A person listed twice on one session is one speaker: the links are stored
 * once, so the plan must compare against the same list, or every re-import
 * would see a change.
 */
function distinctSpeakers(speakers: ParsedProgram["sessions"][number]["speakers"]) {
  const seen = new Set<string>();
  return speakers.filter((speaker) => {
    const key = speakerKey(speaker.name, speaker.organization);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Gives every session a time: sources without times are laid out on a day the caller names. */
function timeSessions(
  parsed: ParsedProgram,
  request: ImportRequest,
  zone: string,
  existingFirstStart: Date | null,
): { sessions: TimedSession[]; laidOut: boolean } {
  const needsLayout = parsed.sessions.some((session) => session.start === null || session.end === null);
  let program = parsed;
  if (needsLayout) {
    const date = request.date ?? (existingFirstStart ? dayKey(existingFirstStart, zone) : undefined);
    if (!date) {
      throw new AppError(
        "INVALID_INPUT",
        `${request.fileName}: the program has no times; give the day to lay it out on (--date YYYY-MM-DD) and its time zone (--timezone Area/City)`,
        { file: request.fileName, field: "date" },
      );
    }
    program = layOutTimetable(parsed, { ...request.layout, date, timeZone: zone });
  }
  const sessions = program.sessions.map((session) => {
    if (!session.start || !session.end) {
      throw new AppError("INVALID_INPUT", `${request.fileName}: session "${session.title}" has no time`, {
        file: request.fileName,
        field: session.externalId,
      });
    }
    return { ...session, start: session.start, end: session.end, speakers: distinctSpeakers(session.speakers) };
  });
  return { sessions, laidOut: needsLayout };
}

/**
 * Imports or re-imports a program in one transaction: sessions are matched by
 * external id and updated in place, sessions missing from the file become
 * cancelled (never deleted, so stars and notes stay), and every change of time,
 * room or status is recorded and raises the session's sequence. An import that
 * changes nothing writes nothing.
 */
export async function importProgram(request: ImportRequest): Promise<ImportResult> {
  const parsed = parseProgram(request.text, {
    fileName: request.fileName,
    format: request.format,
    timeZone: request.timeZone,
  });
  const slug = request.conferenceSlug ?? slugify(parsed.conference.title);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
    throw new AppError("INVALID_INPUT", `conference slug "${slug}": use lowercase letters, digits and dashes`, {
      field: "conference",
    });
  }

  const db = await getDb();
  return db.$transaction(
    async (tx) => {
      const conference = await tx.conference.findUnique({
        where: { slug },
        select: { id: true, title: true, subtitle: true, timeZone: true, timesLaidOut: true, source: true },
      });
      const zone = assertTimeZone(
        request.timeZone ?? parsed.conference.timeZone ?? conference?.timeZone ?? "UTC",
        request.timeZone ? "--timezone" : `${request.fileName}: time zone`,
      );
      const existing = conference ? await loadExisting(tx, conference.id) : [];
      const firstStart = conference?.timesLaidOut
        ? existing.reduce<Date | null>((min, s) => (min === null || s.start < min ? s.start : min), null)
        : null;
      const { sessions, laidOut } = timeSessions(parsed, request, zone, firstStart);
      const plan = planImport(existing, sessions, request.fileName);
      const result: ImportResult = {
        conference: { slug, title: parsed.conference.title, timeZone: zone, isNew: !conference },
        plan,
        applied: !request.dryRun,
        summary: formatImportSummary(plan.counts),
      };
      if (request.dryRun) return result;

      const source = `${request.fileName} (${parsed.format})`;
      const details = {
        title: parsed.conference.title,
        subtitle: parsed.conference.subtitle,
        timeZone: zone,
        timesLaidOut: laidOut,
      };
      let conferenceId: string;
      if (!conference) {
        conferenceId = (await tx.conference.create({ data: { slug, source, ...details }, select: { id: true } })).id;
      } else {
        conferenceId = conference.id;
        const differs = (Object.keys(details) as (keyof typeof details)[]).some((key) => details[key] !== conference[key]);
        if (differs) await tx.conference.update({ where: { id: conferenceId }, data: { ...details, source } });
      }
      await applyPlan(tx, conferenceId, plan, request.onProgress);
      return result;
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

async function idsByName(
  tx: Tx,
  model: "room" | "track",
  conferenceId: string,
  names: string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(names)];
  const found =
    model === "room"
      ? await tx.room.findMany({ where: { conferenceId }, select: { id: true, name: true } })
      : await tx.track.findMany({ where: { conferenceId }, select: { id: true, name: true } });
  const map = new Map(found.map((row) => [row.name, row.id]));
  const missing = wanted.filter((name) => !map.has(name));
  if (missing.length > 0) {
    const created =
      model === "room"
        ? await tx.room.createManyAndReturn({
            data: missing.map((name) => ({ conferenceId, name, position: found.length + wanted.indexOf(name) })),
            select: { id: true, name: true },
          })
        : await tx.track.createManyAndReturn({
            data: missing.map((name) => ({ conferenceId, name })),
            select: { id: true, name: true },
          });
    for (const row of created) map.set(row.name, row.id);
  }
  return map;
}

const speakerKey = (name: string, organization: string | null) => `${name}\u0000${organization ?? ""}`;

async function speakerIds(tx: Tx, conferenceId: string, sessions: TimedSession[]): Promise<Map<string, string>> {
  const found = await tx.speaker.findMany({ where: { conferenceId }, select: { id: true, name: true, organization: true } });
  const map = new Map(found.map((row) => [speakerKey(row.name, row.organization), row.id]));
  const missing = new Map<string, { name: string; organization: string | null }>();
  for (const speaker of sessions.flatMap((session) => session.speakers)) {
    const key = speakerKey(speaker.name, speaker.organization);
    if (!map.has(key)) missing.set(key, speaker);
  }
  for (const part of chunks([...missing.values()], CHUNK)) {
    const created = await tx.speaker.createManyAndReturn({
      data: part.map((speaker) => ({ conferenceId, ...speaker })),
      select: { id: true, name: true, organization: true },
    });
    for (const row of created) map.set(speakerKey(row.name, row.organization), row.id);
  }
  return map;
}

async function applyPlan(
  tx: Tx,
  conferenceId: string,
  plan: ImportPlan,
  onProgress: ImportRequest["onProgress"],
): Promise<void> {
  const written = plan.sessions.filter((item) => item.action !== "unchanged");
  const total = written.length;
  let done = 0;
  const step = (n: number) => {
    done += n;
    onProgress?.(done, total);
  };
  if (total === 0) return;

  const incoming = plan.sessions.flatMap((item) =>
    item.action === "create" || item.action === "update" ? [item.session] : [],
  );
  const rooms = await idsByName(tx, "room", conferenceId, incoming.flatMap((s) => (s.room ? [s.room] : [])));
  const tracks = await idsByName(tx, "track", conferenceId, incoming.flatMap((s) => (s.track ? [s.track] : [])));
  const speakers = await speakerIds(tx, conferenceId, incoming);
  const columns = (session: TimedSession) => ({
    title: session.title,
    abstract: session.abstract,
    kind: session.kind,
    url: session.url,
    start: session.start,
    end: session.end,
    roomId: session.room ? (rooms.get(session.room) ?? null) : null,
    trackId: session.track ? (tracks.get(session.track) ?? null) : null,
  });
  const speakerLinks = (sessionId: string, session: TimedSession) =>
    session.speakers.map((speaker, position) => ({
      sessionId,
      position,
      speakerId: speakers.get(speakerKey(speaker.name, speaker.organization)) ?? "",
    }));

  const creates = plan.sessions.flatMap((item) => (item.action === "create" ? [item.session] : []));
  for (const part of chunks(creates, CHUNK)) {
    const rows = await tx.session.createManyAndReturn({
      data: part.map((session) => ({ conferenceId, externalId: session.externalId, ...columns(session) })),
      select: { id: true, externalId: true },
    });
    const byExternalId = new Map(part.map((session) => [session.externalId, session]));
    const links = rows.flatMap((row) => {
      const session = byExternalId.get(row.externalId);
      return session ? speakerLinks(row.id, session) : [];
    });
    if (links.length > 0) await tx.sessionSpeaker.createMany({ data: links, skipDuplicates: true });
    step(part.length);
  }

  for (const item of plan.sessions) {
    if (item.action === "update") {
      await tx.session.update({
        where: { id: item.id },
        data: {
          ...columns(item.session),
          status: "SCHEDULED",
          ...(item.change ? { sequence: { increment: 1 } } : {}),
        },
      });
      if (item.fields.includes("speakers")) {
        await tx.sessionSpeaker.deleteMany({ where: { sessionId: item.id } });
        await tx.sessionSpeaker.createMany({ data: speakerLinks(item.id, item.session), skipDuplicates: true });
      }
      if (item.change) await tx.sessionChange.create({ data: { sessionId: item.id, ...item.change } });
      step(1);
    } else if (item.action === "cancel") {
      await tx.session.update({ where: { id: item.id }, data: { status: "CANCELLED", sequence: { increment: 1 } } });
      await tx.sessionChange.create({ data: { sessionId: item.id, ...item.change } });
      step(1);
    }
  }
}
