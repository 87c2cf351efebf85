"use client";

import { useState } from "react";

/** On request, the session's time in the viewer's own zone (the browser's). */
export function LocalTime({ start, end, conferenceZone }: { start: string; end: string; conferenceZone: string }) {
  const [shown, setShown] = useState(false);
  const zone = typeof Intl !== "undefined" ? Intl.DateTimeFormat().resolvedOptions().timeZone : conferenceZone;
  if (!shown) {
    return (
      <button type="button" className="secondary link-button" onClick={() => setShown(true)}>
        Show in my time zone
      </button>
    );
  }
  const format = (iso: string) =>
    new Date(iso).toLocaleString([], { weekday: "short", hour: "2-digit", minute: "2-digit", timeZone: zone });
  return (
    <span role="status">
      ({format(start)}–{new Date(end).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", timeZone: zone })} in {zone})
    </span>
  );
}
