"use client";

import { useId } from "react";
import { agendaDownloadPath } from "@/lib/calendar/calendar-api-schemas";
import { CalendarSettingsForm } from "./calendar-settings-form";
import { CalendarSubscription } from "./calendar-subscription";

type CalendarExportProps = { conferenceSlug: string; conferenceTitle: string };

/**
 * Getting the agenda into a calendar app, for the agenda page of one
 * conference: a one-off download of this conference, a subscription that
 * follows every change, and the reminder and notes settings both use.
 */
export function CalendarExport({ conferenceSlug, conferenceTitle }: CalendarExportProps) {
  const headingId = useId();
  const downloadHintId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Add to your calendar</h2>

      <h3>Download</h3>
      <p>
        <a className="button secondary" href={agendaDownloadPath(conferenceSlug)} download aria-describedby={downloadHintId}>
          Download .ics
        </a>
      </p>
      <p id={downloadHintId} className="muted">
        Your starred sessions of {conferenceTitle} as a file to open in any calendar app. It is a copy: later changes to the
        program or to your stars do not reach it. Subscribe instead to stay up to date.
      </p>

      <CalendarSubscription />
      <CalendarSettingsForm />
    </section>
  );
}
