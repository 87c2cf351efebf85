import { starSession } from "@/lib/agenda/stars";
import { saveNote } from "@/lib/agenda/notes";
import { getDb } from "@/lib/db/client";
import { buildFrabXml } from "../../support/build-frab-xml";
import { buildConference, defaultEvents, reimport } from "../../support/builders";
import { uniqueName } from "../../support/test-database";
import type { RouteCase, RouteOwner } from "./route-case";

/** Authorization cases for the program, agenda, stars, notes, conflicts, change notices and admin import routes. */

/** A conference where the owner starred two parallel sessions (a conflict) and wrote a note. */
async function ownerAgenda(owner: RouteOwner) {
  const { slug, sessions } = await buildConference();
  const a2 = sessions.get("a-2")!.id;
  const b1 = sessions.get("b-1")!.id;
  await starSession(owner.id, a2);
  await starSession(owner.id, b1);
  const note = uniqueName("owner's private note");
  await saveNote(owner.id, a2, note);
  return { slug, a2, b1, note };
}

const starsAndNotes = async (owner: RouteOwner) => {
  const db = await getDb();
  return {
    stars: await db.star.findMany({ where: { userId: owner.id }, orderBy: { sessionId: "asc" } }),
    notes: await db.note.findMany({ where: { userId: owner.id }, orderBy: { sessionId: "asc" } }),
    accepted: await db.acceptedConflict.findMany({ where: { userId: owner.id } }),
    dismissed: await db.changeDismissal.findMany({ where: { userId: owner.id } }),
  };
};

export const routeCases: RouteCase[] = [
  {
    route: "conferences/[slug]/sessions",
    method: "GET",
    public: true,
    async prepare() {
      const { slug } = await buildConference();
      return { params: { slug }, query: { q: "streams" } };
    },
  },
  {
    route: "me/agenda",
    method: "GET",
    otherUserStatus: 200,
    async prepare(owner) {
      const { slug, a2, b1 } = await ownerAgenda(owner);
      return { query: { conference: slug }, ownerOnly: [a2, b1] };
    },
  },
  {
    route: "me/stars/[sessionId]",
    method: "PUT",
    // Stars the session for the caller only; the owner's stars are compared.
    otherUserStatus: 204,
    ownerState: starsAndNotes,
    async prepare(owner) {
      const { a2 } = await ownerAgenda(owner);
      return { params: { sessionId: a2 }, body: { level: "maybe" } };
    },
  },
  {
    route: "me/stars/[sessionId]",
    method: "DELETE",
    otherUserStatus: 204,
    ownerState: starsAndNotes,
    async prepare(owner) {
      const { a2 } = await ownerAgenda(owner);
      return { params: { sessionId: a2 } };
    },
  },
  {
    route: "me/notes/[sessionId]",
    method: "GET",
    // Notes are addressed per caller: another user has no note there.
    otherUserStatus: 404,
    async prepare(owner) {
      const { a2, note } = await ownerAgenda(owner);
      return { params: { sessionId: a2 }, ownerOnly: [note] };
    },
  },
  {
    route: "me/notes/[sessionId]",
    method: "PUT",
    otherUserStatus: 200,
    ownerState: starsAndNotes,
    async prepare(owner) {
      const { a2, note } = await ownerAgenda(owner);
      return { params: { sessionId: a2 }, body: { body: "written by the caller" }, ownerOnly: [note] };
    },
  },
  {
    route: "me/notes/[sessionId]",
    method: "DELETE",
    otherUserStatus: 204,
    ownerState: starsAndNotes,
    async prepare(owner) {
      const { a2 } = await ownerAgenda(owner);
      return { params: { sessionId: a2 } };
    },
  },
  {
    route: "me/notes.md",
    method: "GET",
    otherUserStatus: 200,
    async prepare(owner) {
      const { note } = await ownerAgenda(owner);
      return { ownerOnly: [note] };
    },
  },
  {
    route: "me/conflicts/resolve",
    method: "POST",
    // The sessions are not in the caller's agenda.
    otherUserStatus: 404,
    ownerState: starsAndNotes,
    async prepare(owner) {
      const { a2, b1 } = await ownerAgenda(owner);
      return { body: { keep: a2, others: [b1], then: "unstar" } };
    },
  },
  {
    route: "me/conflicts/accept",
    method: "POST",
    otherUserStatus: 404,
    ownerState: starsAndNotes,
    async prepare(owner) {
      const { a2, b1 } = await ownerAgenda(owner);
      return { body: { sessionIds: [a2, b1] } };
    },
  },
  {
    route: "me/changes/[id]/dismiss",
    method: "POST",
    otherUserStatus: 404,
    ownerState: starsAndNotes,
    async prepare(owner) {
      const { slug, b1 } = await ownerAgenda(owner);
      await reimport(slug, defaultEvents().map((e) => (e.guid === "b-1" ? { ...e, start: "10:20" } : e)));
      const change = await (await getDb()).sessionChange.findFirstOrThrow({ where: { sessionId: b1 }, select: { id: true } });
      return { params: { id: change.id } };
    },
  },
  {
    route: "admin/imports",
    method: "POST",
    // Only admins import; the owner is made one, the other caller is not.
    otherUserStatus: 403,
    async prepare(owner) {
      const db = await getDb();
      await db.user.update({ where: { id: owner.id }, data: { role: "ADMIN" } });
      const slug = uniqueName("import");
      const text = buildFrabXml({ title: `Conference ${slug}`, acronym: slug, timeZone: "Europe/Berlin", events: defaultEvents() });
      return { body: { fileName: "schedule.xml", text, conference: slug, dryRun: true } };
    },
  },
];
