"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import {
  ZCalendarFeedStatus,
  ZCalendarFeedUrls,
  googleCalendarSubscribeUrl,
  type CalendarFeedUrlsBody,
} from "@/lib/calendar/calendar-api-schemas";
import { ApiError, apiFetch } from "@/lib/client/api-fetch";

const FEED_STATUS_KEY = ["calendar-feed"] as const;

function describeFailure(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

/**
 * The subscription URL. The server keeps only its hash, so the URL can be
 * shown right after it is made and never again; coming back later, the user
 * sees that one exists and can replace it.
 */
export function CalendarSubscription() {
  const queryClient = useQueryClient();
  const headingId = useId();
  const urlInputId = useId();
  const warningId = useId();
  const urlInput = useRef<HTMLInputElement>(null);
  const [feed, setFeed] = useState<CalendarFeedUrlsBody | null>(null);
  // One live region, rendered from the start so screen readers announce each message put into it.
  const [message, setMessage] = useState("");

  const status = useQuery({
    queryKey: FEED_STATUS_KEY,
    queryFn: async () => ZCalendarFeedStatus.parse(await apiFetch<unknown>("/api/v1/me/calendar-feed")),
  });
  const create = useMutation({
    mutationFn: async () => ZCalendarFeedUrls.parse(await apiFetch<unknown>("/api/v1/me/calendar-feed", { method: "POST", json: {} })),
    onSuccess: (created) => {
      setFeed(created);
      setMessage("Your new subscription URL is ready.");
      void queryClient.invalidateQueries({ queryKey: FEED_STATUS_KEY });
    },
  });

  async function copyUrl(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setMessage("Subscription URL copied.");
    } catch {
      // Clipboard access needs a secure context and permission; selecting the text leaves the copy to the user.
      urlInput.current?.select();
      setMessage("Could not copy automatically: the URL is selected, press Ctrl+C (⌘C on a Mac).");
    }
  }

  const hasFeed = feed !== null || (status.data?.feed ?? null) !== null;
  const createdAt = status.data?.feed?.createdAt;

  return (
    <div aria-labelledby={headingId} role="group">
      <h3 id={headingId}>Subscribe</h3>
      <p className="muted">
        A subscription keeps your calendar in step with your starred sessions of every conference: new stars, moved and
        cancelled sessions show up by themselves the next time your calendar app checks (usually within a few hours).
      </p>

      {status.isError ? (
        <p role="alert" className="error-text">
          {describeFailure(status.error, "Could not check for an existing subscription.")}
        </p>
      ) : null}

      {feed === null && hasFeed && createdAt ? (
        <p>
          You created a subscription URL on {new Date(createdAt).toLocaleDateString()}. For your privacy it is shown only
          once; to add it to another calendar, make a new one.
        </p>
      ) : null}

      {feed !== null ? (
        <div className="form">
          <div className="field">
            <label htmlFor={urlInputId}>Subscription URL</label>
            <input
              id={urlInputId}
              ref={urlInput}
              type="url"
              readOnly
              value={feed.url}
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
          <p style={{ display: "flex", flexWrap: "wrap", gap: 8, margin: 0 }}>
            <button type="button" className="secondary" onClick={() => void copyUrl(feed.url)}>
              Copy URL
            </button>
            <a className="button" href={googleCalendarSubscribeUrl(feed.webcalUrl)} target="_blank" rel="noopener noreferrer">
              Add to Google Calendar
            </a>
            <a className="button" href={feed.webcalUrl}>
              Apple Calendar / Outlook
            </a>
          </p>
          <p className="muted">
            Google Calendar: the button opens Google Calendar and asks to add the calendar (Google fetches it from its own
            servers, so this planner must be reachable from the internet). Apple Calendar and Outlook: the button hands the
            URL to your calendar app; elsewhere, paste the URL under “Add calendar from URL” or “Subscribe to calendar”.
            Keep the URL to yourself: anyone who has it can read your agenda.
          </p>
        </div>
      ) : null}

      <p style={{ margin: "12px 0 4px" }}>
        <button
          type="button"
          className={hasFeed ? "secondary" : undefined}
          onClick={() => create.mutate()}
          disabled={create.isPending || status.isPending}
          aria-describedby={hasFeed ? warningId : undefined}
        >
          {hasFeed ? "Regenerate subscription URL" : "Create subscription URL"}
        </button>
      </p>
      {hasFeed ? (
        <p id={warningId} className="notice">
          Regenerating stops the old URL at once: calendars subscribed to it stop updating and must subscribe to the new one.
        </p>
      ) : null}
      <p role="status" className="muted" style={{ margin: 0 }}>
        {message}
      </p>
      {create.isError ? (
        <p role="alert" className="error-text">
          {describeFailure(create.error, "Could not create a subscription URL.")}
        </p>
      ) : null}
    </div>
  );
}
