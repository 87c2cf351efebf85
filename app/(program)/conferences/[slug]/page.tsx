import type { Metadata } from "next";
import Link from "next/link";
import { FilterSelect } from "@/components/program/filter-select";
import { ProgramGrid } from "@/components/program/program-grid";
import { SessionCard } from "@/components/program/session-card";
import { ZoneNote } from "@/components/program/zone-note";
import { getMyStars } from "@/lib/agenda/stars";
import { getSessionUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { ZSessionFilter, findSessions, getConference, getProgramFacets } from "@/lib/program/find-sessions";
import { dayKey, formatDay, formatTime } from "@/lib/program/format-time";
import { getTeammateInitials } from "@/lib/sharing/teammates-going";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

const loadConference = (slug: string) => orNotFound(getConference(slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const conference = await loadConference((await params).slug);
  return { title: conference.title };
}

export default async function ProgramPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const conference = await loadConference(slug);
  const view = query.view === "list" || query.q ? "list" : "grid";
  const parsed = ZSessionFilter.safeParse(Object.fromEntries(Object.entries(query).filter(([k, v]) => k !== "view" && v)));
  const filter = parsed.success ? parsed.data : {};
  const [sessions, facets, user] = await Promise.all([findSessions(slug, filter, "relevance"), getProgramFacets(conference), getSessionUser()]);
  const stars = user ? await getMyStars(user.id, conference.id) : {};
  const going = user ? await getTeammateInitials(user.id, conference.id) : {};
  const signedIn = user !== null;
  const days = [...new Set(sessions.map((s) => dayKey(s.start, conference.timeZone)))].sort();
  const linkFor = (next: Record<string, string | undefined>) => {
    const params = new URLSearchParams(Object.entries({ ...query, ...next }).filter((e): e is [string, string] => !!e[1]));
    return `/conferences/${slug}?${params.toString()}`;
  };

  return (
    <>
      <h1>{conference.title}</h1>
      {conference.subtitle ? <p className="muted">{conference.subtitle}</p> : null}
      <ZoneNote at={sessions[0]?.start ?? null} timeZone={conference.timeZone} timesLaidOut={conference.timesLaidOut} />
      <p>
        {signedIn ? (
          <Link href={`/conferences/${slug}/agenda`}>My agenda for this conference →</Link>
        ) : (
          <>
            <Link href={`/signin?callbackUrl=${encodeURIComponent(`/conferences/${slug}`)}`}>Sign in</Link> to star sessions
            and build your agenda.
          </>
        )}
      </p>

      <form className="filters" method="get" role="search" aria-label="Filter the program">
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="title, speaker, company…" />
        </div>
        <FilterSelect name="day" label="Day" all="All days" options={facets.days} value={query.day} />
        <FilterSelect name="track" label="Track" all="All tracks" options={facets.tracks} value={query.track} />
        <FilterSelect name="room" label="Room" all="All rooms" options={facets.rooms} value={query.room} />
        <input type="hidden" name="view" value={view} />
        <button type="submit">Apply</button>
        <Link href={`/conferences/${slug}`}>Clear</Link>
      </form>
      {!parsed.success ? <p className="error-text">{parsed.error.issues[0]?.message}</p> : null}

      <nav className="view-switch" aria-label="View">
        <Link href={linkFor({ view: "grid", q: undefined })} aria-current={view === "grid" ? "page" : undefined}>
          Timetable
        </Link>
        <Link href={linkFor({ view: "list" })} aria-current={view === "list" ? "page" : undefined}>
          List
        </Link>
      </nav>

      {sessions.length === 0 ? (
        <div className="empty-state">
          <h2>No sessions match</h2>
          <p>
            Try other words or <Link href={`/conferences/${slug}`}>clear the filters</Link>.
          </p>
        </div>
      ) : query.q ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            {sessions.length} {sessions.length === 1 ? "result" : "results"} for “{query.q}”, best first
          </h2>
          <div className="slot-sessions">
            {sessions.map((session) => (
              <SessionCard key={session.id} session={session} stars={stars} signedIn={signedIn} going={going[session.id]} />
            ))}
          </div>
        </section>
      ) : (
        days.map((day) => {
          const ofDay = sessions.filter((s) => dayKey(s.start, conference.timeZone) === day);
          const starts = [...new Set(ofDay.map((s) => s.start.getTime()))];
          return (
            <section key={day} aria-labelledby={`day-${day}`}>
              <h2 id={`day-${day}`}>{formatDay(ofDay[0]!.start, conference.timeZone)}</h2>
              {view === "grid" ? (
                <ProgramGrid sessions={ofDay} rooms={facets.rooms} stars={stars} signedIn={signedIn} going={going} />
              ) : (
                <ol className="time-list">
                  {starts.map((start) => (
                    <li key={start}>
                      <h3>{formatTime(new Date(start), conference.timeZone)}</h3>
                      <div className="slot-sessions">
                        {ofDay
                          .filter((s) => s.start.getTime() === start)
                          .map((session) => (
                            <SessionCard key={session.id} session={session} stars={stars} signedIn={signedIn} going={going[session.id]} />
                          ))}
                      </div>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          );
        })
      )}
    </>
  );
}
