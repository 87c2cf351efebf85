import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { importProgram } from "@/lib/program/import-program";
import { loadDemoProgramIfEmpty } from "@/lib/program/load-demo-program";
import { buildFrabXml } from "../support/build-frab-xml";
import { buildConference, buildUser, defaultEvents, reimport } from "../support/builders";
import { uniqueName, useTestDatabase } from "../support/test-database";

useTestDatabase();

async function snapshot(slug: string) {
  const db = await getDb();
  const sessions = await db.session.findMany({
    where: { conference: { slug } },
    orderBy: { externalId: "asc" },
    select: {
      externalId: true, title: true, start: true, end: true, status: true, sequence: true, updatedAt: true,
      room: { select: { name: true } },
      speakers: { select: { speakerId: true } },
    },
  });
  const changes = await db.sessionChange.count({ where: { session: { conference: { slug } } } });
  return { sessions, changes };
}

describe("the demo program", () => {
  it("loads once into an empty database: 34 sessions, 2 keynotes and 4 parallel tracks of 8", async () => {
    const db = await getDb();
    const first = await loadDemoProgramIfEmpty();
    expect(first?.summary).toBe("imported 34 sessions (created 34, updated 0, unchanged 0, cancelled 0)");
    expect(await loadDemoProgramIfEmpty()).toBeNull();

    const conference = await db.conference.findUniqueOrThrow({
      where: { slug: "kafka-summit-new-york-2019" },
      select: { id: true, timeZone: true, timesLaidOut: true },
    });
    expect(conference.timeZone).toBe("America/New_York");
    expect(conference.timesLaidOut).toBe(true);
    const sessions = await db.session.findMany({
      where: { conferenceId: conference.id },
      orderBy: { start: "asc" },
      select: { title: true, kind: true, start: true, room: { select: { name: true } }, track: { select: { name: true } }, _count: { select: { speakers: true } } },
    });
    expect(sessions).toHaveLength(34);
    expect(sessions.filter((s) => s.kind === "keynote")).toHaveLength(2);
    expect(sessions[0]?.title).toBe("Keynote: Events Everywhere");
    expect(sessions[0]?.start.toISOString()).toBe("2019-04-02T13:00:00.000Z");
    const perTrack = new Map<string, number>();
    for (const s of sessions) if (s.track) perTrack.set(s.track.name, (perTrack.get(s.track.name) ?? 0) + 1);
    expect(Object.fromEntries(perTrack)).toEqual({
      "Core Kafka": 8, "Event-Driven Development": 8, "Stream Processing": 8, "Use Cases": 8,
    });
    expect(sessions.reduce((sum, s) => sum + s._count.speakers, 0)).toBe(41);
    // Four rooms in parallel: every track slot starts at the same time in four rooms.
    const talksAtFirstSlot = sessions.filter((s) => s.kind === "talk" && s.start.getTime() === sessions[2]?.start.getTime());
    expect(new Set(talksAtFirstSlot.map((s) => s.room?.name)).size).toBe(4);
    const mist = await db.speaker.findFirst({ where: { conferenceId: conference.id, name: "Chunky Gupta" }, select: { organization: true } });
    expect(mist?.organization).toBe("Mist Systems");
  });
});

describe("re-import", () => {
  it("keeps stars and notes, cancels removed sessions, and records moves with a higher sequence", async () => {
    const db = await getDb();
    const { slug, sessions } = await buildConference();
    const user = await buildUser();
    const moved = sessions.get("a-2")!;
    const removed = sessions.get("b-2")!;
    await db.star.createMany({ data: [{ userId: user.id, sessionId: moved.id }, { userId: user.id, sessionId: removed.id, level: "MAYBE" }] });
    await db.note.create({ data: { userId: user.id, sessionId: removed.id, body: "ask about ACLs" } });

    const events = defaultEvents()
      .filter((event) => event.guid !== "b-2")
      .map((event) => (event.guid === "a-2" ? { ...event, start: "14:00", room: "Hall B" } : event));
    const result = await reimport(slug, events);
    expect(result.summary).toBe("imported 3 sessions (created 0, updated 1, unchanged 2, cancelled 1)");

    const after = await db.session.findUniqueOrThrow({ where: { id: moved.id }, select: { start: true, end: true, sequence: true, room: { select: { name: true } } } });
    expect(after.start.toISOString()).toBe("2019-04-02T18:00:00.000Z");
    expect(after.end.toISOString()).toBe("2019-04-02T18:40:00.000Z");
    expect(after.room?.name).toBe("Hall B");
    expect(after.sequence).toBe(moved.sequence + 1);
    const [change] = await db.sessionChange.findMany({ where: { sessionId: moved.id } });
    expect(change).toMatchObject({
      kind: "MOVED",
      fromStart: new Date("2019-04-02T14:00:00Z"),
      toStart: new Date("2019-04-02T18:00:00Z"),
      fromRoom: "Hall A",
      toRoom: "Hall B",
    });

    const gone = await db.session.findUniqueOrThrow({ where: { id: removed.id }, select: { status: true, sequence: true } });
    expect(gone).toEqual({ status: "CANCELLED", sequence: removed.sequence + 1 });
    expect(await db.sessionChange.count({ where: { sessionId: removed.id, kind: "CANCELLED" } })).toBe(1);
    expect(await db.star.count({ where: { userId: user.id } })).toBe(2);
    expect(await db.note.findFirst({ where: { userId: user.id, sessionId: removed.id }, select: { body: true } })).toEqual({ body: "ask about ACLs" });

    // It comes back: restored, same row, stars still there.
    const back = await reimport(slug, [...events, defaultEvents().find((e) => e.guid === "b-2")!]);
    expect(back.plan.counts).toMatchObject({ updated: 1, unchanged: 3, cancelled: 0 });
    const restored = await db.session.findUniqueOrThrow({ where: { id: removed.id }, select: { status: true } });
    expect(restored.status).toBe("SCHEDULED");
    expect(await db.sessionChange.count({ where: { sessionId: removed.id, kind: "RESTORED" } })).toBe(1);
  });

  it("of the same file reports every session unchanged and writes nothing", async () => {
    const { slug } = await buildConference();
    const before = await snapshot(slug);
    const result = await reimport(slug, defaultEvents());
    expect(result.summary).toBe("imported 4 sessions (created 0, updated 0, unchanged 4, cancelled 0)");
    expect(await snapshot(slug)).toEqual(before);
  });

  it("of a session listing the same person twice is still unchanged", async () => {
    const events = defaultEvents().map((e) => (e.guid === "b-1" ? { ...e, persons: ["Alan Turing", "Alan Turing"] } : e));
    const { slug } = await buildConference(events);
    expect((await reimport(slug, events)).plan.counts).toMatchObject({ unchanged: 4, updated: 0 });
  });

  it("as a dry run plans the change and writes nothing", async () => {
    const { slug } = await buildConference();
    const before = await snapshot(slug);
    const events = defaultEvents().map((e) => (e.guid === "a-1" ? { ...e, start: "08:30" } : e));
    const text = buildFrabXml({ title: `Conference ${slug}`, acronym: slug, timeZone: "America/New_York", events });
    const result = await importProgram({ text, fileName: "schedule.xml", format: "auto", conferenceSlug: slug, dryRun: true });
    expect(result.applied).toBe(false);
    expect(result.plan.counts).toMatchObject({ updated: 1, unchanged: 3 });
    expect(await snapshot(slug)).toEqual(before);
  });
});

describe("time zones", () => {
  it("gets every session right in UTC across a daylight-saving change", async () => {
    const { sessions } = await buildConference(
      [
        { guid: "d-1", date: "2019-03-30", start: "10:00", duration: "01:00", room: "Saal 1", title: "Before the change" },
        { guid: "d-2", date: "2019-03-31", start: "10:00", duration: "01:00", room: "Saal 1", title: "After the change" },
        { guid: "d-3", date: "2019-03-31", start: "01:30", duration: "01:00", room: "Saal 2", title: "Across the change" },
      ],
      "Europe/Berlin",
    );
    expect(sessions.get("d-1")?.start.toISOString()).toBe("2019-03-30T09:00:00.000Z");
    expect(sessions.get("d-2")?.start.toISOString()).toBe("2019-03-31T08:00:00.000Z");
    // 01:30 CET is 00:30Z; one hour later the clocks read 03:30 CEST.
    expect(sessions.get("d-3")?.start.toISOString()).toBe("2019-03-31T00:30:00.000Z");
    expect(sessions.get("d-3")?.end.toISOString()).toBe("2019-03-31T01:30:00.000Z");
  });
});

describe("bad input", () => {
  async function expectUntouched(slug: string, run: () => Promise<unknown>, message: RegExp) {
    const before = await snapshot(slug);
    const error = await run().then(() => null, (e: unknown) => e);
    expect(isAppError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect(await snapshot(slug)).toEqual(before);
  }

  it("a broken date, a session ending before it starts, or an unknown zone change nothing", async () => {
    const { slug } = await buildConference();
    const good = buildFrabXml({ title: `Conference ${slug}`, acronym: slug, timeZone: "America/New_York", events: defaultEvents() });
    const brokenDate = good.replace("2019-04-02T11:00:00-04:00", "2019-13-45T11:00:00-04:00").replace(/<start>11:00<\/start>/, "<start>1x:00</start>");
    await expectUntouched(slug, () => importProgram({ text: brokenDate, fileName: "broken.xml", format: "frab-xml", conferenceSlug: slug }), /broken\.xml/);
    const negative = good.replace("<duration>00:40</duration>", "<duration>-00:40</duration>");
    await expectUntouched(slug, () => importProgram({ text: negative, fileName: "negative.xml", format: "frab-xml", conferenceSlug: slug }), /negative\.xml/);
    await expectUntouched(
      slug,
      () => importProgram({ text: good, fileName: "zone.xml", format: "frab-xml", conferenceSlug: slug, timeZone: "Mars/Olympus" }),
      /unknown time zone "Mars\/Olympus"/,
    );
    await expectUntouched(
      slug,
      () => importProgram({ text: "just some words\nnothing more", fileName: "notes.txt", format: "auto", conferenceSlug: slug }),
      /notes\.txt: not a schedule/,
    );
  });

  it("a failure half-way through the writes rolls the whole import back", async () => {
    const { slug } = await buildConference();
    const before = await snapshot(slug);
    const events = defaultEvents().map((e) => ({ ...e, start: e.start.replace(/^(\d\d)/, (h) => String(Number(h) + 1).padStart(2, "0")) }));
    await reimport(slug, events);
    // That import applied; now try to undo it with one that fails after its second write.
    const moved = await snapshot(slug);
    expect(moved.changes).toBe(before.changes + 4);
    const text = buildFrabXml({ title: `Conference ${slug}`, acronym: slug, timeZone: "America/New_York", events: defaultEvents() });
    let calls = 0;
    const failing = importProgram({
      text, fileName: "schedule.xml", format: "frab-xml", conferenceSlug: slug,
      onProgress: () => {
        calls += 1;
        if (calls === 2) throw new Error("the machine lost power");
      },
    });
    await expect(failing).rejects.toThrow("the machine lost power");
    expect(calls).toBe(2);
    expect(await snapshot(slug)).toEqual(moved);
  });

  it("refuses a file over the size limit before parsing it", async () => {
    const big = "x".repeat(50 * 1024 * 1024);
    const error = await importProgram({ text: big, fileName: "huge.xml", format: "auto", conferenceSlug: uniqueName("c") }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("PAYLOAD_TOO_LARGE");
    expect((error as Error).message).toMatch(/^huge\.xml: the file is 50\.0 MB/);
  });
});
