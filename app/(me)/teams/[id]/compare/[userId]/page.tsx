import type { Metadata } from "next";
import Link from "next/link";
import { ZoneNote } from "@/components/program/zone-note";
import { ConferencePicker } from "@/components/sharing/conference-picker";
import styles from "@/components/sharing/sharing.module.css";
import { requirePageUser } from "@/lib/auth/current-user";
import { formatDay, formatTime } from "@/lib/program/format-time";
import { compareAgendas, type ComparedSession } from "@/lib/sharing/compare-agendas";
import { orNotFound } from "@/lib/errors/or-not-found";
import { listTeamConferences } from "@/lib/sharing/team-agenda";

type Props = {
  params: Promise<{ id: string; userId: string }>;
  searchParams: Promise<{ conference?: string | string[] }>;
};

export const metadata: Metadata = { title: "Compare agendas" };

function SessionList({ rows, zone, label }: { rows: ComparedSession[]; zone: string; label: string }) {
  if (rows.length === 0) return <p className="muted">None.</p>;
  return (
    <ul className={styles["compare-list"]} aria-label={label}>
      {rows.map(({ session, mine, theirs }) => (
        <li key={session.id} className={styles["timeline-item"]}>
          <h4 className={styles["slot-head"]}>
            <Link href={`/conferences/${session.conference}/sessions/${session.id}`}>{session.title}</Link>
          </h4>
          <p className={styles.meta}>
            {formatDay(session.start, zone).split(" ")[0]} {formatTime(session.start, zone)}–{formatTime(session.end, zone)}
            {session.room ? ` · ${session.room}` : ""}
            {session.status === "cancelled" ? " · cancelled" : ""}
          </p>
          {mine === "maybe" || theirs === "maybe" ? (
            <p className={styles.meta}>
              {[mine ? `you: ${mine}` : null, theirs ? `them: ${theirs}` : null].filter((part) => part !== null).join(" · ")}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export default async function CompareAgendasPage({ params, searchParams }: Props) {
  const { id, userId } = await params;
  const query = await searchParams;
  const user = await requirePageUser(`/teams/${id}/compare/${userId}`);
  const conferences = await orNotFound(listTeamConferences(id, user.id));
  const slug = (typeof query.conference === "string" ? query.conference : null) ?? conferences[0]?.slug ?? null;
  if (slug === null) {
    return (
      <>
        <h1>Compare agendas</h1>
        <p className="muted">No conferences have been imported yet.</p>
      </>
    );
  }
  const comparison = await orNotFound(compareAgendas(id, user.id, userId, slug));
  const zone = comparison.conference.timeZone;
  const both = comparison.sessions.filter((row) => row.mine !== null && row.theirs !== null);
  const onlyMine = comparison.sessions.filter((row) => row.mine !== null && row.theirs === null);
  const onlyTheirs = comparison.sessions.filter((row) => row.mine === null && row.theirs !== null);
  const them = comparison.them.name;

  return (
    <>
      <p>
        <Link href={`/teams/${id}?conference=${slug}`}>← Team</Link>
      </p>
      <h1>Your agenda and {them}&apos;s</h1>
      <ConferencePicker action={`/teams/${id}/compare/${userId}`} conferences={conferences} current={slug} />
      <ZoneNote at={comparison.sessions[0]?.session.start ?? null} timeZone={zone} timesLaidOut={comparison.conference.timesLaidOut} />
      <div className={styles["compare-columns"]}>
        <section aria-labelledby="both-heading">
          <h2 id="both-heading">Both of you ({both.length})</h2>
          <SessionList rows={both} zone={zone} label="Sessions you both starred" />
        </section>
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">Only you ({onlyMine.length})</h2>
          <SessionList rows={onlyMine} zone={zone} label="Sessions only you starred" />
        </section>
        <section aria-labelledby="theirs-heading">
          <h2 id="theirs-heading">
            Only {them} ({onlyTheirs.length})
          </h2>
          <SessionList rows={onlyTheirs} zone={zone} label={`Sessions only ${them} starred`} />
        </section>
      </div>
    </>
  );
}
