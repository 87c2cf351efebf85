import { GET as getCalendarFeed } from "@/app/calendar/[token]/route";
import { detectConflicts } from "@/lib/agenda/detect-conflicts";
import { starMany } from "@/lib/agenda/stars";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "@/lib/auth/users";
import { createCalendarFeed } from "@/lib/calendar/calendar-feed-tokens";
import { closeDb, getDb, targetFromEnv, useDbHandle } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/open-database";
import { importProgram } from "@/lib/program/import-program";
import { loadDemoProgramIfEmpty } from "@/lib/program/load-demo-program";
import { generateFrabProgram } from "./frab-program";

export const DEMO_SLUG = "kafka-summit-new-york-2019";
const DEMO_STARS = 10;
export const FEED_SESSIONS = 500;

export type ServerData = {
  apiToken: string;
  /** Path of the user's calendar feed on the app. */
  feedPath: string;
  /** The feed as the route handler answered it in-process: what the server must serve byte for byte. */
  feedBytes: Buffer;
  demoStars: number;
  demoConflicts: number;
};

/** The demo's first sessions by start: keynotes, then the parallel tracks, so they overlap. */
async function starDemoSessions(userId: string): Promise<{ stars: number; conflicts: number }> {
  const db = await getDb();
  const sessions = await db.session.findMany({
    where: { conference: { slug: DEMO_SLUG } },
    orderBy: [{ start: "asc" }, { id: "asc" }],
    take: DEMO_STARS,
    select: { id: true, start: true, end: true },
  });
  const conflicts = detectConflicts(sessions).length;
  if (sessions.length < DEMO_STARS || conflicts === 0) {
    throw new Error(`the demo program should give ${DEMO_STARS} sessions with a conflict; got ${sessions.length} with ${conflicts}`);
  }
  await starMany(userId, sessions.map((session) => session.id));
  return { stars: sessions.length, conflicts };
}

async function importFeedConference(userId: string): Promise<void> {
  const program = generateFrabProgram({ sessionCount: FEED_SESSIONS, title: "BenchConf Feed 2026", slug: "benchconf-feed-2026", seed: 5_005 });
  await importProgram({ text: program.xml, fileName: "bench-feed.xml", format: "frab-xml", conferenceSlug: program.slug });
  const db = await getDb();
  const sessions = await db.session.findMany({ where: { conference: { slug: program.slug } }, select: { id: true } });
  const starred = await starMany(userId, sessions.map((session) => session.id));
  if (starred !== FEED_SESSIONS) throw new Error(`expected to star ${FEED_SESSIONS} feed sessions, starred ${starred}`);
}

/** Calls the feed route handler in this process, as the integration tests do. */
async function renderFeed(feedUrl: string): Promise<Buffer> {
  const token = new URL(feedUrl).pathname.replace(/^\/calendar\//, "");
  const response = await getCalendarFeed(new Request(feedUrl), { params: Promise.resolve({ token }) });
  if (response.status !== 200) throw new Error(`the feed route answered ${response.status} in-process`);
  return Buffer.from(await response.arrayBuffer());
}

/**
 * Fills the database the server will open (DATA_DIR from the environment):
 * migrations, the demo program, one user with an API token and ~10 starred
 * demo sessions including a conflict, plus a generated 500-session conference
 * all starred and a calendar feed. Closes the database at the end: PGlite
 * allows one process per data directory, and the server is next.
 */
export async function prepareServerData(): Promise<ServerData> {
  useDbHandle(await openDatabase(targetFromEnv()));
  try {
    await loadDemoProgramIfEmpty();
    const user = await createUser({ email: "bench@example.com", password: "bench-load-runner-2026", name: "Bench Runner" });
    const { token } = await createApiToken(user.id, "benchmark");
    const demo = await starDemoSessions(user.id);
    await importFeedConference(user.id);
    const feed = await createCalendarFeed(user.id);
    return {
      apiToken: token,
      feedPath: new URL(feed.url).pathname,
      feedBytes: await renderFeed(feed.url),
      demoStars: demo.stars,
      demoConflicts: demo.conflicts,
    };
  } finally {
    await closeDb();
  }
}
