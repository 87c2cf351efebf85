"use client";

import { useRouter } from "next/navigation";
import { ApiError } from "@/lib/client/api-fetch";
import { useSetStar, useStars, type StarMap } from "./use-stars";

type Props = {
  conference: string;
  sessionId: string;
  title: string;
  initialStars: StarMap;
  signedIn: boolean;
  /** Re-render the server parts of the page (conflicts, timeline) after a change. */
  refreshAfterChange?: boolean;
};

/** The star: a toggle button named "Star <title>", plus a must/maybe switch once starred. */
export function StarToggle({ conference, sessionId, title, initialStars, signedIn, refreshAfterChange }: Props) {
  const router = useRouter();
  const stars = useStars(conference, initialStars);
  const setStar = useSetStar(conference, refreshAfterChange ? () => router.refresh() : undefined);
  const level = stars.data[sessionId] ?? null;

  if (!signedIn) {
    return (
      <button
        type="button"
        className="star-toggle"
        aria-pressed={false}
        aria-label={`Star ${title}`}
        title="Sign in to star sessions"
        onClick={() => router.push(`/signin?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`)}
      >
        ☆
      </button>
    );
  }
  const error = setStar.error;
  return (
    <span className="star-controls">
      <button
        type="button"
        className={`star-toggle${level ? " starred" : ""}`}
        aria-pressed={level !== null}
        aria-label={`Star ${title}`}
        title={level ? "Remove from my agenda" : "Add to my agenda"}
        onClick={() => setStar.mutate({ sessionId, level: level ? null : "must" })}
      >
        {level ? "★" : "☆"}
      </button>
      {level ? (
        <button
          type="button"
          className="level-toggle secondary"
          aria-label={level === "must" ? `Make ${title} a backup (maybe)` : `Make ${title} a must`}
          onClick={() => setStar.mutate({ sessionId, level: level === "must" ? "maybe" : "must" })}
        >
          {level === "must" ? "must" : "maybe"}
        </button>
      ) : null}
      {error ? (
        <span role="alert" className="error-text star-error">
          {error instanceof ApiError ? error.message : "Could not save the star."} Nothing was changed.
        </span>
      ) : null}
    </span>
  );
}
