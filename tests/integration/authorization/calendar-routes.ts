import { createCalendarFeed } from "@/lib/calendar/calendar-feed-tokens";
import { getDb } from "@/lib/db/client";
import { buildConference } from "../../support/builders";
import { uniqueName } from "../../support/test-database";
import type { RouteCase, RouteOwner } from "./route-case";

/**
 * Authorization cases for the calendar export routes. The feed itself
 * (/calendar/<token>.ics) lives outside /api/v1 and is authorized by its
 * secret alone; tests/integration/calendar-feed.test.ts covers it.
 */

/** A conference where the owner starred a session and wrote a note that goes into their calendar. */
async function ownerWithStarAndNote(owner: RouteOwner): Promise<{ slug: string; note: string }> {
  const db = await getDb();
  const conference = await buildConference();
  const session = conference.sessions.get("a-1");
  if (!session) throw new Error("the default conference has no session a-1");
  const note = uniqueName("owner's private note");
  await db.user.update({ where: { id: owner.id }, data: { calendarIncludeNotes: true } });
  await db.star.create({ data: { userId: owner.id, sessionId: session.id } });
  await db.note.create({ data: { userId: owner.id, sessionId: session.id, body: note } });
  return { slug: conference.slug, note };
}

/** The secret part of a feed URL: what another caller must never be shown. */
function feedSecretOf(url: string): string {
  return new URL(url).pathname.replace(/^\/calendar\//, "").replace(/\.ics$/, "");
}

export const routeCases: RouteCase[] = [
  {
    route: "me/agenda.ics",
    method: "GET",
    // Another caller downloads their own (empty) agenda of the same conference, never the owner's.
    otherUserStatus: 200,
    async prepare(owner) {
      const { slug, note } = await ownerWithStarAndNote(owner);
      return { query: { conference: slug }, ownerOnly: [note] };
    },
  },
  {
    route: "me/calendar-feed",
    method: "GET",
    otherUserStatus: 200,
    async prepare(owner) {
      await createCalendarFeed(owner.id);
      const db = await getDb();
      const feed = await db.calendarFeedToken.findUniqueOrThrow({ where: { userId: owner.id }, select: { createdAt: true } });
      return { ownerOnly: [feed.createdAt.toISOString()] };
    },
  },
  {
    route: "me/calendar-feed",
    method: "POST",
    // Another caller gets a feed of their own; the owner's token row (compared by the matrix) stays as it was.
    otherUserStatus: 201,
    async prepare(owner) {
      const { url } = await createCalendarFeed(owner.id);
      return { ownerOnly: [feedSecretOf(url)] };
    },
  },
  {
    route: "sessions/[id]/ics",
    method: "GET",
    public: true,
    async prepare() {
      const conference = await buildConference();
      const session = conference.sessions.get("b-1");
      if (!session) throw new Error("the default conference has no session b-1");
      return { params: { id: session.id } };
    },
  },
];
