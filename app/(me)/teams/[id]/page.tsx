import type { Metadata } from "next";
import Link from "next/link";
import { ZoneNote } from "@/components/program/zone-note";
import { ConferencePicker } from "@/components/sharing/conference-picker";
import { InvitePanel } from "@/components/sharing/invite-panel";
import { People } from "@/components/sharing/people";
import { RemoveMemberButton } from "@/components/sharing/remove-member-button";
import { TeamActions } from "@/components/sharing/team-actions";
import styles from "@/components/sharing/sharing.module.css";
import { requirePageUser } from "@/lib/auth/current-user";
import { dayKey, formatDay, formatTime } from "@/lib/program/format-time";
import { formatInstantUtc } from "@/lib/sharing/format-instant";
import { orNotFound } from "@/lib/errors/or-not-found";
import { getTeamAgenda, listTeamConferences, type TeamAgendaEntry } from "@/lib/sharing/team-agenda";
import { listInvites } from "@/lib/sharing/team-invites";
import { getTeam } from "@/lib/sharing/teams";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ conference?: string | string[] }> };

export const metadata: Metadata = { title: "Team" };

type Day = { day: string; start: Date; entries: TeamAgendaEntry[] };

function groupByDay(entries: TeamAgendaEntry[], zone: string): Day[] {
  const days = new Map<string, Day>();
  for (const entry of entries) {
    const key = dayKey(entry.session.start, zone);
    const day = days.get(key) ?? { day: key, start: entry.session.start, entries: [] };
    day.entries.push(entry);
    days.set(key, day);
  }
  return [...days.values()];
}

export default async function TeamPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const user = await requirePageUser(`/teams/${id}`);
  const team = await orNotFound(getTeam(id, user.id));
  const conferences = await listTeamConferences(id, user.id);
  const requested = typeof query.conference === "string" ? query.conference : null;
  const slug = requested ?? conferences[0]?.slug ?? null;
  const agenda = slug ? await orNotFound(getTeamAgenda(id, user.id, slug)) : null;
  const invites = team.isOwner ? await listInvites(id, user.id) : [];
  const owner = team.members.find((member) => member.isOwner);
  const zone = agenda?.conference.timeZone ?? "UTC";

  return (
    <>
      <p>
        <Link href="/teams">← My teams</Link>
      </p>
      <h1>{team.name}</h1>
      <p className="muted">
        {team.members.length} {team.members.length === 1 ? "member" : "members"} · {team.isOwner ? "you are the owner" : `owner: ${owner?.name ?? "—"}`}
      </p>

      <section aria-labelledby="team-agenda-heading" className="card">
        <h2 id="team-agenda-heading">What the team is going to</h2>
        <ConferencePicker action={`/teams/${id}`} conferences={conferences} current={slug} />
        {agenda ? (
          <>
            <ZoneNote at={agenda.coverage[0]?.session.start ?? null} timeZone={zone} timesLaidOut={agenda.conference.timesLaidOut} />
            <p className={styles.actions}>
              <Link className="button" href={`/teams/${id}/coverage?conference=${agenda.conference.slug}`}>
                Coverage planner
              </Link>
              <Link href={`/conferences/${agenda.conference.slug}`}>Program of {agenda.conference.title}</Link>
            </p>
            {agenda.coverage.length === 0 ? (
              <p className="muted">Nobody in the team has starred a session of {agenda.conference.title} yet.</p>
            ) : (
              groupByDay(agenda.coverage, zone).map(({ day, start, entries }) => (
                <section key={day} aria-labelledby={`team-day-${day}`}>
                  <h3 id={`team-day-${day}`}>{formatDay(start, zone)}</h3>
                  <ol className={styles.timeline}>
                    {entries.map((entry) => (
                      <li key={entry.session.id} className={styles["timeline-item"]} aria-label={entry.session.title}>
                        <h4 className={styles["slot-head"]}>
                          <Link href={`/conferences/${entry.session.conference}/sessions/${entry.session.id}`}>{entry.session.title}</Link>
                        </h4>
                        <p className={styles.meta}>
                          <time dateTime={entry.session.start.toISOString()}>{formatTime(entry.session.start, zone)}</time>–
                          <time dateTime={entry.session.end.toISOString()}>{formatTime(entry.session.end, zone)}</time>
                          {entry.session.room ? ` · ${entry.session.room}` : ""}
                          {entry.session.status === "cancelled" ? " · cancelled" : ""}
                        </p>
                        <People label={`Going to ${entry.session.title}`} people={entry.members} />
                      </li>
                    ))}
                  </ol>
                </section>
              ))
            )}
          </>
        ) : null}
      </section>

      <section aria-labelledby="members-heading" className="card">
        <h2 id="members-heading">Members</h2>
        <ul className={styles["member-list"]}>
          {team.members.map((member) => (
            <li key={member.userId}>
              <span>
                <span className={styles.initials} aria-hidden="true">
                  {member.initials}
                </span>{" "}
                {member.name}
                {member.isOwner ? " (owner)" : ""}
                {member.userId === user.id ? " (you)" : ""}
              </span>
              <span className={styles.actions}>
                {member.userId !== user.id && slug ? (
                  <Link href={`/teams/${id}/compare/${member.userId}?conference=${slug}`}>Compare with my agenda</Link>
                ) : null}
                {team.isOwner && member.userId !== user.id ? (
                  <RemoveMemberButton teamId={id} userId={member.userId} name={member.name} />
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="invite-heading" className="card">
        <h2 id="invite-heading">Invite people</h2>
        {team.isOwner ? (
          <InvitePanel
            teamId={id}
            invites={invites.map((invite) => ({
              id: invite.id,
              createdLabel: formatInstantUtc(invite.createdAt),
              expiresLabel: formatInstantUtc(invite.expiresAt),
              expired: invite.expired,
            }))}
          />
        ) : (
          <p className="muted">Invite links are made by the team&apos;s owner{owner ? `, ${owner.name}` : ""}.</p>
        )}
      </section>

      <section aria-labelledby="settings-heading" className="card">
        <h2 id="settings-heading">Team settings</h2>
        <TeamActions teamId={id} name={team.name} isOwner={team.isOwner} />
      </section>
    </>
  );
}
