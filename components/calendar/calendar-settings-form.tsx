"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { z } from "zod";
import { CALENDAR_ALARM_CHOICES, ZCalendarSettings, type CalendarSettings } from "@/lib/calendar/calendar-api-schemas";
import { ApiError, apiFetch } from "@/lib/client/api-fetch";

const SETTINGS_KEY = ["calendar-settings"] as const;

/** The <select> speaks strings; "none" stands for no alarm. */
const ZAlarmChoice = z.union([
  z.literal("none").transform(() => null),
  z.coerce.number().pipe(ZCalendarSettings.shape.calendarAlarmMinutes.unwrap()),
]);

async function saveSettings(patch: Partial<CalendarSettings>): Promise<CalendarSettings> {
  return ZCalendarSettings.parse(await apiFetch<unknown>("/api/v1/me/settings", { method: "PATCH", json: patch }));
}

/** Reminder and notes, saved as soon as they change: both shape the download and the subscription alike. */
export function CalendarSettingsForm() {
  const queryClient = useQueryClient();
  const headingId = useId();
  const alarmId = useId();
  const notesId = useId();
  const notesHintId = useId();
  const [message, setMessage] = useState("");

  const settings = useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: async () => ZCalendarSettings.parse(await apiFetch<unknown>("/api/v1/me/settings")),
  });
  const save = useMutation({
    mutationFn: saveSettings,
    onMutate: () => setMessage("Saving…"),
    onSuccess: (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
      setMessage("Calendar settings saved. Subscribed calendars pick them up at their next check.");
    },
    onError: () => setMessage(""),
  });

  const current = settings.data;
  const disabled = current === undefined || save.isPending;

  return (
    <div role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>Reminders and notes</h3>
      {settings.isError ? (
        <p role="alert" className="error-text">
          {settings.error instanceof ApiError ? settings.error.message : "Could not load your calendar settings."}
        </p>
      ) : null}
      <div className="form">
        <div className="field">
          <label htmlFor={alarmId}>Reminder before each session</label>
          <select
            id={alarmId}
            value={current?.calendarAlarmMinutes === null || current === undefined ? "none" : String(current.calendarAlarmMinutes)}
            disabled={disabled}
            onChange={(event) => save.mutate({ calendarAlarmMinutes: ZAlarmChoice.parse(event.currentTarget.value) })}
          >
            <option value="none">No reminder</option>
            {CALENDAR_ALARM_CHOICES.map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {minutes} minutes before
              </option>
            ))}
          </select>
        </div>
        <div>
          <input
            id={notesId}
            type="checkbox"
            checked={current?.calendarIncludeNotes ?? false}
            disabled={disabled}
            aria-describedby={notesHintId}
            onChange={(event) => save.mutate({ calendarIncludeNotes: event.currentTarget.checked })}
          />{" "}
          <label htmlFor={notesId}>Include my notes</label>
          <p id={notesHintId} className="muted" style={{ margin: "4px 0 0" }}>
            Your notes go into the event descriptions, where anyone who has your subscription URL can read them.
          </p>
        </div>
      </div>
      <p role="status" className="muted">
        {message}
      </p>
      {save.isError ? (
        <p role="alert" className="error-text">
          {save.error instanceof ApiError ? save.error.message : "Saving the calendar settings failed."}
        </p>
      ) : null}
    </div>
  );
}
