import { getDb } from "@/lib/db/client";
import { importProgram } from "@/lib/program/import-program";
import { buildFrabXml, type FrabEvent } from "./build-frab-xml";
import { uniqueName } from "./test-database";

/** Small builders for integration tests; every name is unique so tests can share a database. */

export async function buildUser(overrides: { email?: string; name?: string; role?: "ADMIN" | "ATTENDEE" } = {}) {
  const db = await getDb();
  return db.user.create({
    data: {
      email: overrides.email ?? `${uniqueName("user")}@example.org`,
      name: overrides.name ?? uniqueName("User"),
      role: overrides.role ?? "ATTENDEE",
    },
  });
}

export function defaultEvents(): FrabEvent[] {
  return [
    { guid: "a-1", date: "2019-04-02", start: "09:00", duration: "00:40", room: "Hall A", title: "Opening keynote", type: "keynote", persons: ["Ada Lovelace"] },
    { guid: "a-2", date: "2019-04-02", start: "10:00", duration: "00:40", room: "Hall A", title: "Streams in practice", track: "Streams", persons: ["Grace Hopper"] },
    { guid: "b-1", date: "2019-04-02", start: "10:00", duration: "00:40", room: "Hall B", title: "Operating clusters", track: "Ops", persons: ["Alan Turing", "Edsger Dijkstra"] },
    { guid: "b-2", date: "2019-04-02", start: "11:00", duration: "00:40", room: "Hall B", title: "Security deep dive", track: "Ops" },
  ];
}

/** Imports a small timed conference (frab XML) and returns its slug and sessions by external id. */
export async function buildConference(events: FrabEvent[] = defaultEvents(), timeZone = "America/New_York") {
  const slug = uniqueName("conf");
  const text = buildFrabXml({ title: `Conference ${slug}`, acronym: slug, timeZone, events });
  const result = await importProgram({ text, fileName: "schedule.xml", format: "frab-xml", conferenceSlug: slug });
  const db = await getDb();
  const sessions = await db.session.findMany({
    where: { conference: { slug } },
    select: { id: true, externalId: true, start: true, end: true, status: true, sequence: true },
  });
  return { slug, result, sessions: new Map(sessions.map((session) => [session.externalId, session])) };
}

export async function reimport(slug: string, events: FrabEvent[], timeZone = "America/New_York") {
  const text = buildFrabXml({ title: `Conference ${slug}`, acronym: slug, timeZone, events });
  return importProgram({ text, fileName: "schedule.xml", format: "frab-xml", conferenceSlug: slug });
}
