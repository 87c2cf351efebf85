import { getDb } from "@/lib/db/client";

export type ConferenceSummary = {
  slug: string;
  title: string;
  subtitle: string | null;
  timeZone: string;
  timesLaidOut: boolean;
  start: Date | null;
  end: Date | null;
  sessionCount: number;
};

/** Every conference with its date range and number of scheduled sessions, earliest first. */
export async function listConferences(): Promise<ConferenceSummary[]> {
  const db = await getDb();
  const conferences = await db.conference.findMany({
    select: { id: true, slug: true, title: true, subtitle: true, timeZone: true, timesLaidOut: true },
  });
  const ranges = await db.session.groupBy({
    by: ["conferenceId"],
    where: { status: "SCHEDULED" },
    _min: { start: true },
    _max: { end: true },
    _count: { _all: true },
  });
  const byId = new Map(ranges.map((range) => [range.conferenceId, range]));
  return conferences
    .map(({ id, ...conference }) => {
      const range = byId.get(id);
      return {
        ...conference,
        start: range?._min.start ?? null,
        end: range?._max.end ?? null,
        sessionCount: range?._count._all ?? 0,
      };
    })
    .sort((a, b) => (a.start?.getTime() ?? Infinity) - (b.start?.getTime() ?? Infinity) || a.title.localeCompare(b.title));
}
