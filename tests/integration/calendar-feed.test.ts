import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { GET as downloadAgenda } from "@/app/api/v1/me/agenda.ics/route";
import { GET as getFeedStatus, POST as createFeed } from "@/app/api/v1/me/calendar-feed/route";
import { GET as downloadSession } from "@/app/api/v1/sessions/[id]/ics/route";
import { GET as getFeed } from "@/app/calendar/[token]/route";
import { getDb } from "@/lib/db/client";
import { apiRequest, bearerFor, routeParams, sessionFor, type Credentials } from "../support/api-requests";
import { buildConference, buildUser, defaultEvents, reimport } from "../support/builders";
import { useTestDatabase } from "../support/test-database";

useTestDatabase();

// Calendars are read back with ical.js, an independent parser, so the tests
// check what a calendar app sees. ical.js does not know X-WR-CALNAME and would
// keep its escapes; calendar apps read it as TEXT, so the parser is told to.
Object.assign(ICAL.design.icalendar.property, { "x-wr-calname": { defaultType: "text" } });

const HOST = "planner.test";

type Conference = Awaited<ReturnType<typeof buildConference>>;

function sessionId(conference: Conference, externalId: string): string {
  const session = conference.sessions.get(externalId);
  if (!session) throw new Error(`no session ${externalId}`);
  return session.id;
}

async function star(userId: string, conference: Conference, externalId: string, level: "MUST" | "MAYBE" = "MUST") {
  const db = await getDb();
  await db.star.create({ data: { userId, sessionId: sessionId(conference, externalId), level } });
}

function parseCalendar(ics: string): ICAL.Component {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  expect(calendar.name).toBe("vcalendar");
  return calendar;
}

function textOf(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  if (value !== null && typeof value !== "string") throw new Error(`${name} is not text`);
  return value;
}

function instantOf(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
  return value.toJSDate().toISOString();
}

/** The events of a calendar by UID, so a test names the session it means. */
function eventsByUid(ics: string): Map<string, ICAL.Component> {
  const events = parseCalendar(ics).getAllSubcomponents("vevent");
  return new Map(events.map((event) => [textOf(event, "uid") ?? "", event]));
}

function eventOf(ics: string, conference: Conference, externalId: string): ICAL.Component {
  const event = eventsByUid(ics).get(uidOf(conference, externalId));
  if (!event) throw new Error(`no event for ${externalId}`);
  return event;
}

function uidOf(conference: Conference, externalId: string): string {
  return `${conference.slug}/${externalId}@${HOST}`;
}

async function createFeedFor(as: Credentials): Promise<{ url: string; webcalUrl: string; path: string; segment: string }> {
  const response = await createFeed(apiRequest("/api/v1/me/calendar-feed", { method: "POST", as }), {});
  expect(response.status).toBe(201);
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null || !("url" in body) || !("webcalUrl" in body)) throw new Error("unexpected body");
  const url = String(body.url);
  const webcalUrl = String(body.webcalUrl);
  const path = new URL(url).pathname;
  return { url, webcalUrl, path, segment: path.replace(/^\/calendar\//, "") };
}

/** Fetches a feed as a calendar app does: no cookie, no Origin, maybe a validator. */
async function fetchFeed(feed: { path: string; segment: string }, headers: Record<string, string> = {}): Promise<Response> {
  return getFeed(apiRequest(feed.path, { origin: null, headers }), routeParams({ token: feed.segment }));
}

async function feedText(feed: { path: string; segment: string }): Promise<string> {
  const response = await fetchFeed(feed);
  expect(response.status).toBe(200);
  return response.text();
}

describe("the subscription feed", () => {
  it("serves every starred session, must and maybe, with its details, to a request without a cookie", async () => {
    const db = await getDb();
    const conference = await buildConference();
    const user = await buildUser();
    await star(user.id, conference, "a-2");
    await star(user.id, conference, "b-1", "MAYBE");
    await db.user.update({ where: { id: user.id }, data: { calendarAlarmMinutes: 15, calendarIncludeNotes: true } });
    await db.note.create({ data: { userId: user.id, sessionId: sessionId(conference, "a-2"), body: "sit near the front" } });

    const feed = await createFeedFor(await sessionFor(user.id));
    expect(feed.url).toMatch(/^http:\/\/planner\.test\/calendar\/cal_[A-Za-z0-9_-]+\.ics$/);
    expect(feed.webcalUrl).toBe(feed.url.replace("http://", "webcal://"));

    const response = await fetchFeed(feed);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    expect(response.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(Date.parse(response.headers.get("last-modified") ?? "")).not.toBeNaN();
    const ics = await response.text();

    expect(textOf(parseCalendar(ics), "x-wr-calname")).toBe("My conference agenda");
    expect([...eventsByUid(ics).keys()].sort()).toEqual([uidOf(conference, "a-2"), uidOf(conference, "b-1")]);

    const streams = eventOf(ics, conference, "a-2");
    expect(textOf(streams, "summary")).toBe("Streams in practice — Grace Hopper");
    // 10:00 in New York on 2 April 2019 (EDT, UTC-4).
    expect(instantOf(streams, "dtstart")).toBe("2019-04-02T14:00:00.000Z");
    expect(instantOf(streams, "dtend")).toBe("2019-04-02T14:40:00.000Z");
    expect(textOf(streams, "location")).toBe("Hall A");
    expect(streams.getFirstProperty("categories")?.getValues()).toEqual(["Streams"]);
    expect(textOf(streams, "url")).toBe("https://example.org/talk/a-2");
    expect(textOf(streams, "status")).toBe("CONFIRMED");
    expect(streams.getFirstPropertyValue("sequence")).toBe(0);
    expect(textOf(streams, "description")).toContain("My note: sit near the front");
    expect(streams.getAllSubcomponents("valarm").map((alarm) => String(alarm.getFirstPropertyValue("trigger")))).toEqual(["-PT15M"]);

    const clusters = eventOf(ics, conference, "b-1");
    expect(textOf(clusters, "summary")).toBe("Operating clusters — Alan Turing, Edsger Dijkstra");
    expect(textOf(clusters, "description")).not.toContain("My note");
  });

  it("follows a re-import: a moved session keeps its UID with the new time and a higher SEQUENCE; a dropped one is CANCELLED", async () => {
    const conference = await buildConference();
    const user = await buildUser();
    await star(user.id, conference, "a-2");
    await star(user.id, conference, "b-2");
    const feed = await createFeedFor(await bearerFor(user.id));
    const before = await fetchFeed(feed);
    const beforeEtag = before.headers.get("etag");
    const beforeSequence = eventOf(await before.text(), conference, "a-2").getFirstPropertyValue("sequence");

    const events = defaultEvents()
      .filter((event) => event.guid !== "b-2")
      .map((event) => (event.guid === "a-2" ? { ...event, start: "14:00", room: "Hall B" } : event));
    await reimport(conference.slug, events);

    const after = await fetchFeed(feed);
    expect(after.headers.get("etag")).not.toBe(beforeEtag);
    const ics = await after.text();
    const moved = eventOf(ics, conference, "a-2");
    expect(instantOf(moved, "dtstart")).toBe("2019-04-02T18:00:00.000Z");
    expect(instantOf(moved, "dtend")).toBe("2019-04-02T18:40:00.000Z");
    expect(textOf(moved, "location")).toBe("Hall B");
    expect(Number(moved.getFirstPropertyValue("sequence"))).toBeGreaterThan(Number(beforeSequence));
    expect(textOf(moved, "status")).toBe("CONFIRMED");

    const dropped = eventOf(ics, conference, "b-2");
    expect(textOf(dropped, "status")).toBe("CANCELLED");
    expect(Number(dropped.getFirstPropertyValue("sequence"))).toBeGreaterThan(0);
  });

  it("regenerating gives a new URL and the old one answers 404 at once", async () => {
    const conference = await buildConference();
    const user = await buildUser();
    await star(user.id, conference, "a-1");
    const as = await sessionFor(user.id);
    const first = await createFeedFor(as);
    expect((await fetchFeed(first)).status).toBe(200);

    const second = await createFeedFor(as);
    expect(second.url).not.toBe(first.url);
    expect((await fetchFeed(first)).status).toBe(404);
    expect(eventsByUid(await feedText(second)).has(uidOf(conference, "a-1"))).toBe(true);

    const db = await getDb();
    expect(await db.calendarFeedToken.count({ where: { userId: user.id } })).toBe(1);
    // Only the hash is kept: the secret in the URL appears nowhere in the database.
    const row = await db.calendarFeedToken.findUniqueOrThrow({ where: { userId: user.id }, select: { tokenHash: true } });
    expect(second.segment).not.toContain(row.tokenHash);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("two regenerations at once leave one working URL", async () => {
    const user = await buildUser();
    const as = await bearerFor(user.id);
    const feeds = await Promise.all([createFeedFor(as), createFeedFor(as), createFeedFor(as)]);
    const statuses = await Promise.all(feeds.map(async (feed) => (await fetchFeed(feed)).status));
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 404)).toHaveLength(2);
  });

  it("serves an empty calendar to a user without stars", async () => {
    const user = await buildUser();
    const feed = await createFeedFor(await sessionFor(user.id));
    const ics = await feedText(feed);
    expect(textOf(parseCalendar(ics), "x-wr-calname")).toBe("My conference agenda");
    expect(eventsByUid(ics).size).toBe(0);
  });

  it("answers 404 to unknown and malformed tokens", async () => {
    for (const segment of ["cal_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", "cal_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "nonsense", "cal_x.ics"]) {
      const response = await fetchFeed({ path: `/calendar/${segment}`, segment });
      expect(response.status, segment).toBe(404);
    }
  });

  it("tells the caller whether a feed exists, without its URL", async () => {
    const user = await buildUser();
    const as = await sessionFor(user.id);
    const none = await getFeedStatus(apiRequest("/api/v1/me/calendar-feed", { as }), {});
    expect(await none.json()).toEqual({ feed: null });
    await createFeedFor(as);
    const some = await getFeedStatus(apiRequest("/api/v1/me/calendar-feed", { as }), {});
    expect(await some.json()).toEqual({ feed: { createdAt: expect.stringMatching(/Z$/) } });
  });
});

describe("conditional requests", () => {
  it("answers 304 to a matching If-None-Match or If-Modified-Since, and 200 with a new ETag after a change", async () => {
    const db = await getDb();
    const conference = await buildConference();
    const user = await buildUser();
    await star(user.id, conference, "a-1");
    const feed = await createFeedFor(await sessionFor(user.id));

    const first = await fetchFeed(feed);
    const etag = first.headers.get("etag") ?? "";
    const lastModified = first.headers.get("last-modified") ?? "";
    const body = await first.text();
    // The body is built from the data alone, so polling it again yields the same bytes.
    expect(await feedText(feed)).toBe(body);

    const byEtag = await fetchFeed(feed, { "if-none-match": etag });
    expect(byEtag.status).toBe(304);
    expect(await byEtag.text()).toBe("");
    expect(byEtag.headers.get("etag")).toBe(etag);
    expect(byEtag.headers.get("cache-control")).toBe("private, max-age=300");
    expect((await fetchFeed(feed, { "if-none-match": `"something-else", W/${etag}` })).status).toBe(304);
    expect((await fetchFeed(feed, { "if-none-match": `"something-else"` })).status).toBe(200);

    expect((await fetchFeed(feed, { "if-modified-since": lastModified })).status).toBe(304);
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await fetchFeed(feed, { "if-modified-since": earlier })).status).toBe(200);
    expect((await fetchFeed(feed, { "if-modified-since": "not a date" })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since when both are sent.
    expect((await fetchFeed(feed, { "if-none-match": `"stale"`, "if-modified-since": lastModified })).status).toBe(200);

    // A star made after the last poll (a whole second later, the resolution of HTTP dates).
    const later = new Date(Date.parse(lastModified) + 5000);
    await db.star.create({ data: { userId: user.id, sessionId: sessionId(conference, "b-1"), createdAt: later, updatedAt: later } });
    const changed = await fetchFeed(feed, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    const newEtag = changed.headers.get("etag");
    expect(newEtag).not.toBe(etag);
    expect(changed.headers.get("last-modified")).toBe(later.toUTCString());
    expect(eventsByUid(await changed.text()).has(uidOf(conference, "b-1"))).toBe(true);
    expect((await fetchFeed(feed, { "if-modified-since": lastModified })).status).toBe(200);

    // A settings change alters every event (here: an alarm), so it is a new version too.
    await db.user.update({ where: { id: user.id }, data: { calendarAlarmMinutes: 5 } });
    const withAlarm = await fetchFeed(feed, { "if-none-match": newEtag ?? "" });
    expect(withAlarm.status).toBe(200);
    expect(await withAlarm.text()).toContain("TRIGGER:-PT5M");
  });
});

describe("downloading the agenda of one conference", () => {
  it("works with a cookie and with a bearer token, as an attachment holding only that conference", async () => {
    const conference = await buildConference();
    const other = await buildConference();
    const user = await buildUser();
    await star(user.id, conference, "a-1");
    await star(user.id, conference, "b-2", "MAYBE");
    await star(user.id, other, "a-2");
    const path = `/api/v1/me/agenda.ics?conference=${conference.slug}`;

    for (const as of [await sessionFor(user.id), await bearerFor(user.id)]) {
      const response = await downloadAgenda(apiRequest(path, { as }), {});
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${conference.slug}-agenda.ics"`);
      const ics = await response.text();
      expect(textOf(parseCalendar(ics), "x-wr-calname")).toBe(`Conference ${conference.slug} — my agenda`);
      expect([...eventsByUid(ics).keys()].sort()).toEqual([uidOf(conference, "a-1"), uidOf(conference, "b-2")]);
    }
  });

  it("without a conference, holds every conference; an unknown one is 404, an anonymous caller 401", async () => {
    const conference = await buildConference();
    const other = await buildConference();
    const user = await buildUser();
    await star(user.id, conference, "a-1");
    await star(user.id, other, "a-2");
    const as = await sessionFor(user.id);

    const all = await downloadAgenda(apiRequest("/api/v1/me/agenda.ics", { as }), {});
    expect(all.status).toBe(200);
    expect(all.headers.get("content-disposition")).toBe('attachment; filename="my-agenda.ics"');
    const ics = await all.text();
    expect(textOf(parseCalendar(ics), "x-wr-calname")).toBe("My conference agenda");
    expect([...eventsByUid(ics).keys()].sort()).toEqual([uidOf(conference, "a-1"), uidOf(other, "a-2")].sort());

    const unknown = await downloadAgenda(apiRequest("/api/v1/me/agenda.ics?conference=no-such-conference", { as }), {});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.stringContaining("no-such-conference") } });
    expect((await downloadAgenda(apiRequest("/api/v1/me/agenda.ics?conference=", { as }), {})).status).toBe(400);
    expect((await downloadAgenda(apiRequest(`/api/v1/me/agenda.ics?conference=${conference.slug}`), {})).status).toBe(401);
  });
});

describe("privacy between users", () => {
  it("never shows another user's stars or notes, in the feed or the download", async () => {
    const db = await getDb();
    const conference = await buildConference();
    const alice = await buildUser();
    const bob = await buildUser();
    for (const user of [alice, bob]) {
      await db.user.update({ where: { id: user.id }, data: { calendarIncludeNotes: true } });
    }
    await star(alice.id, conference, "a-1");
    await star(bob.id, conference, "a-1");
    await star(bob.id, conference, "b-1");
    await db.note.create({ data: { userId: bob.id, sessionId: sessionId(conference, "a-1"), body: "bob's secret plan" } });
    await db.note.create({ data: { userId: alice.id, sessionId: sessionId(conference, "a-1"), body: "alice was here" } });
    // A note on a session Alice did not star stays out of her calendar too.
    await db.note.create({ data: { userId: alice.id, sessionId: sessionId(conference, "b-2"), body: "maybe later" } });

    const aliceFeed = await createFeedFor(await sessionFor(alice.id));
    const bobFeed = await createFeedFor(await sessionFor(bob.id));
    expect(aliceFeed.url).not.toBe(bobFeed.url);

    const download = await downloadAgenda(
      apiRequest(`/api/v1/me/agenda.ics?conference=${conference.slug}`, { as: await sessionFor(alice.id) }),
      {},
    );
    for (const ics of [await feedText(aliceFeed), await download.text()]) {
      expect([...eventsByUid(ics).keys()]).toEqual([uidOf(conference, "a-1")]);
      expect(textOf(eventOf(ics, conference, "a-1"), "description")).toContain("My note: alice was here");
      expect(ics).not.toContain("secret plan");
      expect(ics).not.toContain("maybe later");
    }
    expect([...eventsByUid(await feedText(bobFeed)).keys()].sort()).toEqual([uidOf(conference, "a-1"), uidOf(conference, "b-1")]);
  });
});

describe("downloading one session", () => {
  it("is public, holds the one event without anybody's alarm or note, and answers 404 for an unknown id", async () => {
    const db = await getDb();
    const conference = await buildConference();
    const user = await buildUser();
    await db.user.update({ where: { id: user.id }, data: { calendarIncludeNotes: true, calendarAlarmMinutes: 10 } });
    await star(user.id, conference, "b-1");
    await db.note.create({ data: { userId: user.id, sessionId: sessionId(conference, "b-1"), body: "private thought" } });

    const id = sessionId(conference, "b-1");
    const response = await downloadSession(apiRequest(`/api/v1/sessions/${id}/ics`), routeParams({ id }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${conference.slug}-operating-clusters.ics"`);
    const ics = await response.text();
    const event = eventOf(ics, conference, "b-1");
    expect(eventsByUid(ics).size).toBe(1);
    expect(textOf(event, "summary")).toBe("Operating clusters — Alan Turing, Edsger Dijkstra");
    expect(instantOf(event, "dtstart")).toBe("2019-04-02T14:00:00.000Z");
    expect(event.getAllSubcomponents("valarm")).toEqual([]);
    expect(ics).not.toContain("private thought");

    const missing = await downloadSession(apiRequest("/api/v1/sessions/nope/ics"), routeParams({ id: "nope" }));
    expect(missing.status).toBe(404);
  });
});
