"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { ErrorMessage } from "@/components/error-message";
import styles from "./sharing.module.css";

/** Joins by a pasted invite: the code or the whole link. */
export function JoinTeamForm() {
  const router = useRouter();
  const join = useMutation({
    mutationFn: (invite: string) => apiFetch<{ id: string; name: string }>("/api/v1/teams/join", { method: "POST", json: { invite } }),
    onSuccess: (team) => router.push(`/teams/${team.id}`),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    join.mutate(String(new FormData(event.currentTarget).get("invite") ?? ""));
  }

  return (
    <div className="form">
      <form className={styles["inline-form"]} onSubmit={onSubmit} aria-label="Join a team">
        <div className={styles.field}>
          <label htmlFor="team-invite">Invite link or code</label>
          <input id="team-invite" name="invite" required autoComplete="off" spellCheck={false} placeholder="inv_… or the whole link" />
        </div>
        <button type="submit" disabled={join.isPending}>
          Join team
        </button>
      </form>
      <ErrorMessage error={join.error} />
    </div>
  );
}
