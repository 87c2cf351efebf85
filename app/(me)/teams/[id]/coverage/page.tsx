import type { Metadata } from "next";
import Link from "next/link";
import { ZoneNote } from "@/components/program/zone-note";
import { AcceptPartButton } from "@/components/sharing/accept-part-button";
import { ConferencePicker } from "@/components/sharing/conference-picker";
import { People } from "@/components/sharing/people";
import styles from "@/components/sharing/sharing.module.css";
import { requirePageUser } from "@/lib/auth/current-user";
import { dayKey, formatDay, formatTime } from "@/lib/program/format-time";
import type { SessionView } from "@/lib/program/session-json";
import { describePlace } from "@/lib/sharing/describe-place";
import { getCoverageBoard, type BoardSlot, type CoverageState } from "@/lib/sharing/coverage-board";
import { orNotFound } from "@/lib/errors/or-not-found";
import { listTeamConferences } from "@/lib/sharing/team-agenda";
import { getTeam } from "@/lib/sharing/teams";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ conference?: string | string[]; split?: string | string[]; accepted?: string | string[] }>;
};

export const metadata: Metadata = { title: "Coverage planner" };

const STATE_LABEL: Record<CoverageState, string> = {
  covered: "Covered",
  "maybe-only": "Only maybe",
  nobody: "Nobody",
};

type Day = { day: string; start: Date; slots: BoardSlot[] };

function groupByDay(slots: BoardSlot[], zone: string): Day[] {
  const days = new Map<string, Day>();
  for (const slot of slots) {
    const key = dayKey(slot.start, zone);
    const day = days.get(key) ?? { day: key, start: slot.start, slots: [] };
    day.slots.push(slot);
    days.set(key, day);
  }
  return [...days.values()];
}

export default async function CoveragePage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const user = await requirePageUser(`/teams/${id}/coverage`);
  const team = await orNotFound(getTeam(id, user.id));
  const conferences = await listTeamConferences(id, user.id);
  const slug = (typeof query.conference === "string" ? query.conference : null) ?? conferences[0]?.slug ?? null;
  const split = query.split === "1";
  // Set by the accept button after it starred the member's part.
  const accepted = typeof query.accepted === "string" && /^\d{1,4}$/.test(query.accepted) ? Number(query.accepted) : null;

  if (slug === null) {
    return (
      <>
        <p>
          <Link href={`/teams/${id}`}>← {team.name}</Link>
        </p>
        <h1>Coverage planner</h1>
        <p className="muted">No conferences have been imported yet.</p>
      </>
    );
  }

  const board = await orNotFound(getCoverageBoard(id, user.id, slug));
  const zone = board.conference.timeZone;
  const sessions = new Map<string, SessionView>(
    board.slots.flatMap((slot) => slot.sessions.map((entry) => [entry.session.id, entry.session] as const)),
  );
  const all = board.slots.flatMap((slot) => slot.sessions);
  const counts = {
    covered: all.filter((entry) => entry.state === "covered").length,
    maybe: all.filter((entry) => entry.state === "maybe-only").length,
  };
  const range = (session: SessionView) => `${formatTime(session.start, zone)}–${formatTime(session.end, zone)}`;
  const describe = (sessionId: string) => {
    const session = sessions.get(sessionId);
    return session ? `${formatDay(session.start, zone).split(" ")[0]} ${range(session)} · ${session.title}${session.room ? ` (${session.room})` : ""}` : sessionId;
  };

  return (
    <>
      <p>
        <Link href={`/teams/${id}?conference=${slug}`}>← {team.name}</Link>
      </p>
      <h1>Coverage planner</h1>
      <p>
        Who from <strong>{team.name}</strong> goes where at <strong>{board.conference.title}</strong>: {counts.covered}{" "}
        {counts.covered === 1 ? "session has" : "sessions have"} someone who must go, {counts.maybe} only a &quot;maybe&quot;.
      </p>
      <ConferencePicker action={`/teams/${id}/coverage`} conferences={conferences} current={slug} />
      <ZoneNote at={board.slots[0]?.start ?? null} timeZone={zone} timesLaidOut={board.conference.timesLaidOut} />
      <ul className={styles.legend} aria-label="Legend">
        <li>
          <span className={`${styles["state-label"]}`}>Covered</span>: someone starred it &quot;must&quot;
        </li>
        <li>
          <span className={styles["state-label"]}>Only maybe</span>: starred, but nobody committed
        </li>
        <li>
          <span className={styles["state-label"]}>Nobody</span>: no one in the team is going
        </li>
      </ul>

      {split ? (
        <section aria-labelledby="proposal-heading" className="card" id="proposal">
          <h2 id="proposal-heading">Split us up: the proposal</h2>
          {accepted !== null ? (
            <p role="status" className="notice">
              You accepted your part: {accepted} {accepted === 1 ? "session was" : "sessions were"} added to your agenda as
              &quot;must&quot;. <Link href={`/conferences/${slug}/agenda`}>Open my agenda</Link>
            </p>
          ) : null}
          <p className="muted">
            Everyone keeps their &quot;must&quot; sessions. Each session someone starred but nobody must attend goes to one member
            who is free then, preferring whoever starred it &quot;maybe&quot;. Nothing changes until a member accepts their part.
          </p>
          <ul className={styles["part-list"]}>
            {board.proposal.parts.map((part) => (
              <li key={part.member.userId}>
                <h3 className={styles["slot-head"]}>
                  {part.member.userId === user.id ? "Your part" : part.member.name}
                </h3>
                {part.added.length === 0 ? (
                  <p className="muted">Nothing extra: {part.member.userId === user.id ? "your" : "their"} own &quot;must&quot; sessions.</p>
                ) : (
                  <>
                    <ul>
                      {part.added.map((sessionId) => (
                        <li key={sessionId}>{describe(sessionId)}</li>
                      ))}
                    </ul>
                    {part.member.userId === user.id ? (
                      <AcceptPartButton teamId={id} conference={slug} sessionIds={part.added} />
                    ) : null}
                  </>
                )}
              </li>
            ))}
          </ul>
          {board.proposal.uncovered.length > 0 ? (
            <>
              <h3 className={styles["slot-head"]}>Nobody is free for</h3>
              <ul>
                {board.proposal.uncovered.map((sessionId) => (
                  <li key={sessionId}>{describe(sessionId)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : (
        <p>
          <Link className="button" href={`/teams/${id}/coverage?conference=${slug}&split=1#proposal`}>
            Split us up
          </Link>{" "}
          <span className="muted">Shows a proposal; nothing changes until you accept your part.</span>
        </p>
      )}

      {board.slots.length === 0 ? <p className="muted">This conference has no scheduled sessions.</p> : null}
      {groupByDay(board.slots, zone).map((day) => (
        <section key={day.day} aria-labelledby={`coverage-${day.day}`}>
          <h2 id={`coverage-${day.day}`}>{formatDay(day.start, zone)}</h2>
          <ol className={styles.slots}>
            {day.slots.map((slot) => (
              <li key={`${slot.start.toISOString()}-${slot.sessions[0]?.session.id ?? ""}`}>
                <h3 className={styles["slot-head"]}>
                  <time dateTime={slot.start.toISOString()}>{formatTime(slot.start, zone)}</time>–
                  <time dateTime={slot.end.toISOString()}>{formatTime(slot.end, zone)}</time>
                  {slot.sessions.length > 1 ? ` · ${slot.sessions.length} in parallel` : ""}
                </h3>
                <ul className={styles["slot-sessions"]}>
                  {slot.sessions.map((entry) => (
                    <li key={entry.session.id} className={`${styles["slot-session"]} ${styles[`state-${entry.state}`]}`}>
                      <span className={styles["state-label"]}>{STATE_LABEL[entry.state]}</span>
                      <h4>
                        <Link href={`/conferences/${entry.session.conference}/sessions/${entry.session.id}`}>{entry.session.title}</Link>
                      </h4>
                      <p className={styles.meta}>
                        {range(entry.session)}
                        {describePlace(entry.session)}
                      </p>
                      <People
                        label={`Going to ${entry.session.title}`}
                        people={[
                          ...entry.must.map((member) => ({ ...member, level: "must" as const })),
                          ...entry.maybe.map((member) => ({ ...member, level: "maybe" as const })),
                        ]}
                      />
                      {split && entry.proposedFor ? (
                        <p className={styles.proposed}>
                          Proposed: {entry.proposedFor.userId === user.id ? "you" : entry.proposedFor.name}
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
