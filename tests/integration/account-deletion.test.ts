import { describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/admin/imports/route";
import { deleteAccount, exportMyData } from "@/lib/auth/account";
import { starSession } from "@/lib/agenda/stars";
import { saveNote } from "@/lib/agenda/notes";
import { getDb } from "@/lib/db/client";
import { createTeam } from "@/lib/sharing/teams";
import { joinTeam } from "@/lib/sharing/team-invites";
import { apiRequest, sessionFor } from "../support/api-requests";
import { buildFrabXml } from "../support/build-frab-xml";
import { buildConference, buildUser, defaultEvents } from "../support/builders";
import { uniqueName, useTestDatabase } from "../support/test-database";

useTestDatabase();

describe("deleting an account", () => {
  it("removes everything of mine, passes a shared team to its earliest other member, and deletes a team I was alone in", async () => {
    const db = await getDb();
    const me = await buildUser();
    const first = await buildUser();
    const second = await buildUser();
    const { sessions } = await buildConference();
    const sessionId = sessions.get("a-2")!.id;
    await starSession(me.id, sessionId);
    await saveNote(me.id, sessionId, "mine");
    const shared = await createTeam(me.id, "Shared crew");
    await joinTeam(first.id, shared.inviteUrl);
    await joinTeam(second.id, shared.inviteUrl);
    const alone = await createTeam(me.id, "Just me");

    const exported = await exportMyData(me.id);
    expect(exported.stars).toHaveLength(1);
    expect(exported.notes.map((n) => n.body)).toEqual(["mine"]);
    expect(exported.teams.map((t) => t.name).sort()).toEqual(["Just me", "Shared crew"]);

    await deleteAccount(me.id);
    expect(await db.user.findUnique({ where: { id: me.id } })).toBeNull();
    expect(await db.star.count({ where: { userId: me.id } })).toBe(0);
    expect(await db.note.count({ where: { userId: me.id } })).toBe(0);
    expect(await db.team.findUnique({ where: { id: shared.id }, select: { ownerId: true } })).toEqual({ ownerId: first.id });
    expect(await db.teamMembership.count({ where: { teamId: shared.id } })).toBe(2);
    expect(await db.team.findUnique({ where: { id: alone.id } })).toBeNull();
    // Others' data and the program stay.
    expect(await db.user.count({ where: { id: { in: [first.id, second.id] } } })).toBe(2);
    expect(await db.session.count({ where: { id: sessionId } })).toBe(1);
  });
});

describe("the admin import route", () => {
  it("previews without writing, then applies, and refuses attendees", async () => {
    const db = await getDb();
    const admin = await buildUser({ role: "ADMIN" });
    const attendee = await buildUser();
    const slug = uniqueName("upload");
    const text = buildFrabXml({ title: "Uploaded", acronym: slug, timeZone: "Europe/Berlin", events: defaultEvents() });
    const upload = (dryRun: boolean, as: Awaited<ReturnType<typeof sessionFor>>) => {
      const form = new FormData();
      form.set("file", new File([text], "schedule.xml", { type: "application/xml" }));
      form.set("conference", slug);
      form.set("dryRun", String(dryRun));
      const request = apiRequest("/api/v1/admin/imports", { method: "POST", as });
      return importRoute(new Request(request.url, { method: "POST", headers: request.headers, body: form }), {});
    };

    expect((await upload(true, await sessionFor(attendee.id))).status).toBe(403);
    const preview = await upload(true, await sessionFor(admin.id));
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ applied: false, summary: "imported 4 sessions (created 4, updated 0, unchanged 0, cancelled 0)" });
    expect(await db.conference.count({ where: { slug } })).toBe(0);

    const applied = await upload(false, await sessionFor(admin.id));
    expect(await applied.json()).toMatchObject({ applied: true, conference: { slug, isNew: true } });
    expect(await db.session.count({ where: { conference: { slug } } })).toBe(4);

    const broken = new FormData();
    broken.set("file", new File(["<schedule><day date='2019-13-45'>"], "broken.xml"));
    const request = apiRequest("/api/v1/admin/imports", { method: "POST", as: await sessionFor(admin.id) });
    const refused = await importRoute(new Request(request.url, { method: "POST", headers: request.headers, body: broken }), {});
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.message).toMatch(/^broken\.xml: /);
  });
});
