"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { ErrorMessage } from "@/components/error-message";
import styles from "./sharing.module.css";

type Team = { id: string; name: string };

/**
 * For the note editor: share my note on a session with one of my teams, or
 * make it private again. Notes are private until the author does this.
 */
export function NoteShareControl({ sessionId, teams, sharedWith }: { sessionId: string; teams: Team[]; sharedWith: Team | null }) {
  const [current, setCurrent] = useState<Team | null>(sharedWith);
  const share = useMutation({
    mutationFn: (team: Team) => apiFetch(`/api/v1/teams/${team.id}/notes/${sessionId}`, { method: "PUT" }).then(() => team),
    onSuccess: (team) => setCurrent(team),
  });
  const unshare = useMutation({
    mutationFn: (team: Team) => apiFetch(`/api/v1/teams/${team.id}/notes/${sessionId}`, { method: "DELETE" }),
    onSuccess: () => setCurrent(null),
  });

  if (teams.length === 0) return null;

  function onShare(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const id = String(new FormData(event.currentTarget).get("team") ?? "");
    const team = teams.find((candidate) => candidate.id === id);
    if (team) share.mutate(team);
  }

  return (
    <div>
      {current ? (
        <p role="status" className={styles.actions}>
          <span>
            This note is shared with <strong>{current.name}</strong>.
          </span>
          <button type="button" className="secondary" onClick={() => unshare.mutate(current)} disabled={unshare.isPending}>
            Make private
          </button>
        </p>
      ) : (
        <form className={styles["inline-form"]} onSubmit={onShare} aria-label="Share this note with a team">
          <div className={styles.field}>
            <label htmlFor={`share-note-${sessionId}`}>Share this note with</label>
            <select id={`share-note-${sessionId}`} name="team" defaultValue={teams[0]?.id}>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary" disabled={share.isPending}>
            Share note
          </button>
        </form>
      )}
      <ErrorMessage error={share.error ?? unshare.error} />
    </div>
  );
}
