import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { GET as getAgendaRoute } from "@/app/api/v1/me/agenda/route";
import { DELETE as deleteNoteRoute, GET as getNoteRoute, PUT as putNoteRoute } from "@/app/api/v1/me/notes/[sessionId]/route";
import { DELETE as unstarRoute, PUT as starRoute } from "@/app/api/v1/me/stars/[sessionId]/route";
import { GET as sessionsRoute } from "@/app/api/v1/conferences/[slug]/sessions/route";
import { getAgenda } from "@/lib/agenda/get-agenda";
import { acceptConflict, resolveConflict } from "@/lib/agenda/resolve-conflicts";
import { findSessions } from "@/lib/program/find-sessions";
import { importProgram } from "@/lib/program/import-program";
import { DEMO_PROGRAM } from "@/lib/program/load-demo-program";
import { apiRequest, routeParams, sessionFor } from "../support/api-requests";
import { buildConference, buildUser, defaultEvents, reimport } from "../support/builders";
import { uniqueName, useTestDatabase } from "../support/test-database";

useTestDatabase();

async function star(as: Awaited<ReturnType<typeof sessionFor>>, sessionId: string, level?: "must" | "maybe") {
  return starRoute(
    apiRequest(`/api/v1/me/stars/${sessionId}`, { method: "PUT", as, json: level ? { level } : undefined }),
    routeParams({ sessionId }),
  );
}

async function agendaOf(as: Awaited<ReturnType<typeof sessionFor>>, slug: string) {
  const response = await getAgendaRoute(apiRequest(`/api/v1/me/agenda?conference=${slug}`, { as }), {});
  expect(response.status).toBe(200);
  return (await response.json()) as { sessions: { id: string; level: string }[]; conflicts: { sessionIds: string[]; start: string; end: string }[] };
}

describe("stars and conflicts", () => {
  it("stars are idempotent, levelled, and parallel musts form a conflict; back-to-back ones do not", async () => {
    const { slug, sessions } = await buildConference([
      ...defaultEvents(),
      { guid: "c-1", date: "2019-04-02", start: "10:40", duration: "00:20", room: "Hall C", title: "Right after", track: "Ops" },
    ]);
    const user = await buildUser();
    const as = await sessionFor(user.id);
    const a2 = sessions.get("a-2")!.id;
    const b1 = sessions.get("b-1")!.id;
    const c1 = sessions.get("c-1")!.id;
    expect((await star(as, a2)).status).toBe(204);
    expect((await star(as, a2)).status).toBe(204);
    expect((await star(as, b1)).status).toBe(204);
    expect((await star(as, c1)).status).toBe(204);

    const agenda = await agendaOf(as, slug);
    expect(agenda.sessions.map((s) => s.level)).toEqual(["must", "must", "must"]);
    expect(agenda.conflicts).toEqual([
      // Equal starts: ordered by id.
      { sessionIds: [a2, b1].sort(), start: "2019-04-02T14:00:00.000Z", end: "2019-04-02T14:40:00.000Z", accepted: false },
    ]);

    // A "maybe" star is not part of a conflict.
    await star(as, b1, "maybe");
    expect((await agendaOf(as, slug)).conflicts).toEqual([]);

    // Resolve: keep a-2, the other becomes maybe; unstar is idempotent.
    await star(as, b1, "must");
    await resolveConflict(user.id, { keep: b1, others: [a2], then: "maybe" });
    const resolved = await agendaOf(as, slug);
    expect(resolved.conflicts).toEqual([]);
    expect(resolved.sessions.find((s) => s.id === a2)?.level).toBe("maybe");
    expect((await unstarRoute(apiRequest(`/api/v1/me/stars/${c1}`, { method: "DELETE", as }), routeParams({ sessionId: c1 }))).status).toBe(204);
    expect((await unstarRoute(apiRequest(`/api/v1/me/stars/${c1}`, { method: "DELETE", as }), routeParams({ sessionId: c1 }))).status).toBe(204);
    expect((await star(as, "no-such-session")).status).toBe(404);
  });

  it("an accepted conflict stops nagging until one of its sessions moves, and the move is announced", async () => {
    const { slug, sessions } = await buildConference();
    const user = await buildUser();
    const as = await sessionFor(user.id);
    const a2 = sessions.get("a-2")!.id;
    const b1 = sessions.get("b-1")!.id;
    await star(as, a2);
    await star(as, b1);
    await acceptConflict(user.id, [a2, b1]);
    expect((await getAgenda(user.id, slug)).conflicts.map((c) => c.accepted)).toEqual([true]);

    await reimport(slug, defaultEvents().map((e) => (e.guid === "b-1" ? { ...e, start: "10:20" } : e)));
    const after = await getAgenda(user.id, slug);
    expect(after.conflicts.map((c) => c.accepted)).toEqual([false]);
    expect(after.notices).toEqual([
      expect.objectContaining({ sessionId: b1, kind: "MOVED", fromStart: new Date("2019-04-02T14:00:00Z"), toStart: new Date("2019-04-02T14:20:00Z") }),
    ]);
  });

  it("another user's stars never show in my agenda", async () => {
    const { slug, sessions } = await buildConference();
    const owner = await buildUser();
    const other = await buildUser();
    await star(await sessionFor(owner.id), sessions.get("a-2")!.id);
    expect((await agendaOf(await sessionFor(other.id), slug)).sessions).toEqual([]);
  });
});

describe("notes", () => {
  it("are private: another user cannot read, change or delete mine (404), and the limit is enforced", async () => {
    const { sessions } = await buildConference();
    const sessionId = sessions.get("a-2")!.id;
    const owner = await buildUser();
    const other = await buildUser();
    const mine = await sessionFor(owner.id);
    const theirs = await sessionFor(other.id);
    const put = (as: typeof mine, body: string) =>
      putNoteRoute(apiRequest(`/api/v1/me/notes/${sessionId}`, { method: "PUT", as, json: { body } }), routeParams({ sessionId }));
    const get = (as: typeof mine) => getNoteRoute(apiRequest(`/api/v1/me/notes/${sessionId}`, { as }), routeParams({ sessionId }));

    const saved = await put(mine, "**ask** about EOS");
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ sessionId, body: "**ask** about EOS" });
    expect((await get(theirs)).status).toBe(404);
    expect((await deleteNoteRoute(apiRequest(`/api/v1/me/notes/${sessionId}`, { method: "DELETE", as: theirs }), routeParams({ sessionId }))).status).toBe(204);
    expect(await (await get(mine)).json()).toMatchObject({ body: "**ask** about EOS" });

    const tooLong = await put(mine, "x".repeat(20_001));
    expect(tooLong.status).toBe(422);
    expect((await tooLong.json()).error.message).toMatch(/20,001 characters; notes can have up to 20,000/);
    expect((await put(mine, "y".repeat(20_000))).status).toBe(200);
  });
});

describe("program search", () => {
  it("ranks titles above abstracts on the page, keeps time order in the API, and finds speakers and organizations", async () => {
    const slug = uniqueName("kafka");
    await importProgram({
      text: fs.readFileSync(DEMO_PROGRAM.file, "utf8"),
      fileName: "kafka-summit-ny-2019.txt",
      format: "listing",
      conferenceSlug: slug,
      date: DEMO_PROGRAM.date,
      timeZone: DEMO_PROGRAM.timeZone,
    });
    const ranked = await findSessions(slug, { q: "exactly once semantics" }, "relevance");
    expect(ranked[0]?.title).toBe("Exactly Once Semantics Revisited");
    const search = async (q: string) => {
      const response = await sessionsRoute(
        apiRequest(`/api/v1/conferences/${slug}/sessions?q=${encodeURIComponent(q)}`),
        routeParams({ slug }),
      );
      expect(response.status).toBe(200);
      return ((await response.json()) as { sessions: { title: string }[] }).sessions.map((s) => s.title);
    };
    // The API keeps CONTRACT.md's order (start, then room) for search results too.
    const exactly = await search("exactly once semantics");
    expect(exactly).toContain("Exactly Once Semantics Revisited");
    const response = await sessionsRoute(apiRequest(`/api/v1/conferences/${slug}/sessions?q=kafka`), routeParams({ slug }));
    const starts = ((await response.json()) as { sessions: { start: string }[] }).sessions.map((s) => s.start);
    expect(starts).toEqual([...starts].sort());
    // Both talks given by Tinder speakers, found through the speakers' organization.
    expect((await search("Tinder")).sort()).toEqual(["Event Driven Architecture with a RESTful Microservices Architecture", "Troubleshooting as Your Kafka Clusters Grow"]);
    expect(await search("Mist Systems")).toContain("Cost Effectively and Reliably Aggregating Billions of Messages Per Day Using Apache Kafka®");
    expect(await search("xylophone")).toEqual([]);
    const unknown = await sessionsRoute(apiRequest("/api/v1/conferences/nope/sessions"), routeParams({ slug: "nope" }));
    expect(unknown.status).toBe(404);
  });
});
