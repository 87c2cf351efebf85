import type { Metadata } from "next";
import Link from "next/link";
import { ChangeNotices } from "@/components/agenda/change-notices";
import { ConflictList } from "@/components/agenda/conflict-list";
import { WalkingBufferForm } from "@/components/agenda/walking-buffer-form";
import { CalendarExport } from "@/components/calendar/calendar-export";
import { SessionCard } from "@/components/program/session-card";
import { ShareLinkPanel } from "@/components/sharing/share-link-panel";
import { ZoneNote } from "@/components/program/zone-note";
import { getAgenda } from "@/lib/agenda/get-agenda";
import { requirePageUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { describeChange } from "@/lib/program/describe-change";
import { formatDay, formatTime } from "@/lib/program/format-time";
import { getTeammateInitials } from "@/lib/sharing/teammates-going";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "My agenda" };

export default async function AgendaPage({ params }: Props) {
  const { slug } = await params;
  const user = await requirePageUser(`/conferences/${slug}/agenda`);
  const agenda = await orNotFound(getAgenda(user.id, slug, { suggestions: true }));
  const going = await getTeammateInitials(user.id, agenda.conference.id);
  const zone = agenda.conference.timeZone;
  const stars = Object.fromEntries(agenda.sessions.map((s) => [s.id, s.level]));
  const byId = new Map(agenda.sessions.map((s) => [s.id, s]));
  const range = (start: Date, end: Date) => `${formatTime(start, zone)}–${formatTime(end, zone)}`;
  const tight = new Map(agenda.tightTransfers.map((t) => [t.toId, t]));
  const cancelled = agenda.sessions.filter((s) => s.status === "cancelled");

  return (
    <>
      <p>
        <Link href={`/conferences/${slug}`}>← {agenda.conference.title}: full program</Link>
      </p>
      <h1>My agenda</h1>
      <ZoneNote at={agenda.sessions[0]?.start ?? null} timeZone={zone} timesLaidOut={agenda.conference.timesLaidOut} />
      <ChangeNotices notices={agenda.notices.map((n) => ({ id: n.id, text: describeChange(n.title, n, zone) }))} />
      <ConflictList
        conflicts={agenda.conflicts.map((conflict) => ({
          signature: conflict.signature,
          accepted: conflict.accepted,
          timeRange: range(conflict.start, conflict.end),
          sessions: conflict.sessionIds.flatMap((id) => {
            const s = byId.get(id);
            return s ? [{ id, title: s.title, time: range(s.start, s.end), room: s.room }] : [];
          }),
        }))}
      />

      {agenda.sessions.length === 0 ? (
        <div className="empty-state">
          <h2>Your agenda is empty</h2>
          <p>
            Star sessions in the <Link href={`/conferences/${slug}`}>program</Link> and they appear here, day by day, with
            their conflicts and the free time between them.
          </p>
        </div>
      ) : null}

      {agenda.days.map((day) => {
        const items = [
          ...day.sessions.map((session) => ({ at: session.start.getTime(), session, slot: null })),
          ...day.freeSlots.map((slot) => ({ at: slot.start.getTime(), session: null, slot })),
        ].sort((a, b) => a.at - b.at);
        return (
          <section key={day.day} aria-labelledby={`agenda-${day.day}`}>
            <h2 id={`agenda-${day.day}`}>{formatDay(day.sessions[0]!.start, zone)}</h2>
            <ol className="timeline">
              {items.map((item) =>
                item.session ? (
                  <li key={item.session.id} className={`timeline-session level-${item.session.level}`}>
                    {tight.has(item.session.id) ? (
                      <p className="notice">
                        Only {Math.round(tight.get(item.session.id)!.gapMinutes)} minutes to change rooms before this session
                        (you asked for {agenda.walkingBufferMinutes}).
                      </p>
                    ) : null}
                    <SessionCard session={item.session} stars={stars} signedIn going={going[item.session.id]} refreshAfterChange />
                  </li>
                ) : item.slot ? (
                  <li key={`free-${item.at}`} className="timeline-free">
                    <p>
                      <strong>Free</strong> {range(item.slot.start, item.slot.end)} (
                      {Math.round((item.slot.end.getTime() - item.slot.start.getTime()) / 60_000)} min)
                    </p>
                    {item.slot.suggestions.length > 0 ? (
                      <div>
                        <p className="muted">Running then, picked for you:</p>
                        <div className="slot-sessions">
                          {item.slot.suggestions.map((session) => (
                            <SessionCard key={session.id} session={session} stars={stars} signedIn going={going[session.id]} refreshAfterChange />
                          ))}
                        </div>
                      </div>
                    ) : null}
                  </li>
                ) : null,
              )}
            </ol>
          </section>
        );
      })}

      {cancelled.length > 0 ? (
        <section aria-labelledby="cancelled-heading">
          <h2 id="cancelled-heading">Cancelled sessions you starred</h2>
          <div className="slot-sessions">
            {cancelled.map((session) => (
              <SessionCard key={session.id} session={session} stars={stars} signedIn refreshAfterChange />
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="walking-heading" className="card">
        <h2 id="walking-heading">Walking time</h2>
        <p className="muted">Flag back-to-back sessions in different rooms with less time between them than you need.</p>
        <WalkingBufferForm minutes={agenda.walkingBufferMinutes} />
      </section>
      <CalendarExport conferenceSlug={slug} conferenceTitle={agenda.conference.title} />
      <ShareLinkPanel conference={slug} />
    </>
  );
}
