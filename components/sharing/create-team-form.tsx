"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { CopyButton } from "./copy-button";
import { ErrorMessage } from "@/components/error-message";
import styles from "./sharing.module.css";

type CreatedTeam = { id: string; name: string; inviteUrl: string };

export function CreateTeamForm() {
  const router = useRouter();
  const create = useMutation({
    mutationFn: (name: string) => apiFetch<CreatedTeam>("/api/v1/teams", { method: "POST", json: { name } }),
    onSuccess: () => router.refresh(),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    create.mutate(String(new FormData(form).get("name") ?? ""), { onSuccess: () => form.reset() });
  }

  const team = create.data;
  return (
    <div className="form">
      <form className={styles["inline-form"]} onSubmit={onSubmit} aria-label="Create a team">
        <div className={styles.field}>
          <label htmlFor="team-name">Team name</label>
          <input id="team-name" name="name" maxLength={80} required placeholder="e.g. Platform team" />
        </div>
        <button type="submit" disabled={create.isPending}>
          Create team
        </button>
      </form>
      <ErrorMessage error={create.error} />
      {team ? (
        <div className="notice" role="status">
          <p>
            Team <strong>{team.name}</strong> created. Send this invite link to your colleagues; it works for 7 days and is
            shown only now (you can make a new one on the team page).
          </p>
          <code className={styles.secret} aria-label="Invite link">
            {team.inviteUrl}
          </code>
          <div className={styles.actions}>
            <CopyButton text={team.inviteUrl} label="Copy invite link" />
            <Link href={`/teams/${team.id}`}>Open {team.name}</Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}
