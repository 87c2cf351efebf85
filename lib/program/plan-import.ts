import { AppError } from "@/lib/errors/app-error";
import type { ParsedSession, ParsedSpeaker } from "./parsed-program";

/**
 * Decides what an import does, without touching the database: which sessions
 * are new, which changed (and whether the change is one attendees must hear
 * about: time, room or status), which are unchanged, and which disappeared and
 * become cancelled. Pure, so the upload page can preview exactly what the
 * import will then apply.
 */

export type TimedSession = Omit<ParsedSession, "start" | "end"> & { start: Date; end: Date };

export type ExistingSession = Omit<TimedSession, "kind"> & {
  id: string;
  kind: string;
  status: "SCHEDULED" | "CANCELLED";
  sequence: number;
};

export type ChangeRecord = {
  kind: "MOVED" | "ROOM_CHANGED" | "CANCELLED" | "RESTORED";
  fromStart: Date | null;
  toStart: Date | null;
  fromEnd: Date | null;
  toEnd: Date | null;
  fromRoom: string | null;
  toRoom: string | null;
};

export type SessionPlan =
  | { action: "create"; session: TimedSession }
  | { action: "update"; id: string; title: string; session: TimedSession; fields: string[]; change: ChangeRecord | null }
  | { action: "unchanged"; id: string }
  | { action: "cancel"; id: string; title: string; change: ChangeRecord };

export type ImportPlan = {
  sessions: SessionPlan[];
  counts: { total: number; created: number; updated: number; unchanged: number; cancelled: number };
};

function sameSpeakers(a: ParsedSpeaker[], b: ParsedSpeaker[]): boolean {
  return a.length === b.length && a.every((s, i) => s.name === b[i]?.name && s.organization === b[i]?.organization);
}

function changedFields(before: ExistingSession, after: TimedSession): string[] {
  const fields: string[] = [];
  if (before.title !== after.title) fields.push("title");
  if (before.abstract !== after.abstract) fields.push("abstract");
  if (before.kind !== after.kind) fields.push("kind");
  if (before.url !== after.url) fields.push("url");
  if (before.start.getTime() !== after.start.getTime()) fields.push("start");
  if (before.end.getTime() !== after.end.getTime()) fields.push("end");
  if (before.room !== after.room) fields.push("room");
  if (before.track !== after.track) fields.push("track");
  if (!sameSpeakers(before.speakers, after.speakers)) fields.push("speakers");
  if (before.status !== "SCHEDULED") fields.push("status");
  return fields;
}

function changeFor(before: ExistingSession, after: TimedSession, fields: string[]): ChangeRecord | null {
  const base = {
    fromStart: before.start,
    toStart: after.start,
    fromEnd: before.end,
    toEnd: after.end,
    fromRoom: before.room,
    toRoom: after.room,
  };
  if (fields.includes("status")) return { kind: "RESTORED", ...base };
  if (fields.includes("start") || fields.includes("end")) return { kind: "MOVED", ...base };
  if (fields.includes("room")) return { kind: "ROOM_CHANGED", ...base };
  return null;
}

export function planImport(existing: ExistingSession[], incoming: TimedSession[], fileName: string): ImportPlan {
  const seen = new Set<string>();
  for (const session of incoming) {
    if (seen.has(session.externalId)) {
      throw new AppError("INVALID_INPUT", `${fileName}: two sessions share the id "${session.externalId}"`, {
        file: fileName,
        field: "externalId",
      });
    }
    seen.add(session.externalId);
    if (session.end.getTime() <= session.start.getTime()) {
      throw new AppError("INVALID_INPUT", `${fileName}: session "${session.title}" ends before it starts`, {
        file: fileName,
        field: session.externalId,
      });
    }
  }

  const byExternalId = new Map(existing.map((session) => [session.externalId, session]));
  const sessions: SessionPlan[] = incoming.map((session) => {
    const before = byExternalId.get(session.externalId);
    if (!before) return { action: "create", session };
    const fields = changedFields(before, session);
    if (fields.length === 0) return { action: "unchanged", id: before.id };
    return { action: "update", id: before.id, title: before.title, session, fields, change: changeFor(before, session, fields) };
  });
  for (const before of existing) {
    if (seen.has(before.externalId) || before.status === "CANCELLED") continue;
    sessions.push({
      action: "cancel",
      id: before.id,
      title: before.title,
      change: {
        kind: "CANCELLED",
        fromStart: before.start,
        toStart: null,
        fromEnd: before.end,
        toEnd: null,
        fromRoom: before.room,
        toRoom: null,
      },
    });
  }

  const count = (action: SessionPlan["action"]) => sessions.filter((plan) => plan.action === action).length;
  return {
    sessions,
    counts: {
      total: incoming.length,
      created: count("create"),
      updated: count("update"),
      unchanged: count("unchanged"),
      cancelled: count("cancel"),
    },
  };
}

export function formatImportSummary(counts: ImportPlan["counts"]): string {
  return `imported ${counts.total} sessions (created ${counts.created}, updated ${counts.updated}, unchanged ${counts.unchanged}, cancelled ${counts.cancelled})`;
}
