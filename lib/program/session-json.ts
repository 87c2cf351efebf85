import type { Prisma } from "@/lib/db/client";

/** The columns every session view needs, and its JSON form as CONTRACT.md fixes it. */
export const SESSION_SELECT = {
  id: true,
  externalId: true,
  title: true,
  abstract: true,
  kind: true,
  start: true,
  end: true,
  status: true,
  sequence: true,
  conference: { select: { slug: true, timeZone: true, title: true } },
  room: { select: { name: true } },
  track: { select: { name: true } },
  speakers: { orderBy: { position: "asc" }, select: { speaker: { select: { name: true, organization: true } } } },
} satisfies Prisma.SessionSelect;

export type SessionRow = Prisma.SessionGetPayload<{ select: typeof SESSION_SELECT }>;

export type SessionView = {
  id: string;
  externalId: string;
  conference: string;
  title: string;
  abstract: string;
  kind: string;
  start: Date;
  end: Date;
  room: string | null;
  track: string | null;
  speakers: { name: string; organization: string | null }[];
  status: "scheduled" | "cancelled";
  timeZone: string;
};

export function toSessionView(row: SessionRow): SessionView {
  return {
    id: row.id,
    externalId: row.externalId,
    conference: row.conference.slug,
    title: row.title,
    abstract: row.abstract,
    kind: row.kind,
    start: row.start,
    end: row.end,
    room: row.room?.name ?? null,
    track: row.track?.name ?? null,
    speakers: row.speakers.map((link) => link.speaker),
    status: row.status === "CANCELLED" ? "cancelled" : "scheduled",
    timeZone: row.conference.timeZone,
  };
}

/** The API's session object: times as ISO 8601 UTC. */
export function toSessionJson(view: SessionView) {
  return {
    id: view.id,
    externalId: view.externalId,
    conference: view.conference,
    title: view.title,
    abstract: view.abstract,
    start: view.start.toISOString(),
    end: view.end.toISOString(),
    room: view.room,
    track: view.track,
    speakers: view.speakers,
    status: view.status,
  };
}
