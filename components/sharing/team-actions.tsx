"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { ConfirmButton } from "./confirm-button";
import { ErrorMessage } from "@/components/error-message";
import styles from "./sharing.module.css";

/** Rename and delete (owner), leave (everyone). */
export function TeamActions({ teamId, name, isOwner }: { teamId: string; name: string; isOwner: boolean }) {
  const router = useRouter();
  const rename = useMutation({
    mutationFn: (next: string) => apiFetch(`/api/v1/teams/${teamId}`, { method: "PATCH", json: { name: next } }),
    onSuccess: () => router.refresh(),
  });
  const leave = useMutation({
    mutationFn: () => apiFetch(`/api/v1/teams/${teamId}/leave`, { method: "POST" }),
    onSuccess: () => router.push("/teams"),
  });
  const remove = useMutation({
    mutationFn: () => apiFetch(`/api/v1/teams/${teamId}`, { method: "DELETE" }),
    onSuccess: () => router.push("/teams"),
  });

  function onRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rename.mutate(String(new FormData(event.currentTarget).get("name") ?? ""));
  }

  return (
    <div className={styles.stack}>
      {isOwner ? (
        <form className={styles["inline-form"]} onSubmit={onRename} aria-label="Rename the team">
          <div className={styles.field}>
            <label htmlFor="rename-team">Team name</label>
            <input id="rename-team" name="name" defaultValue={name} maxLength={80} required />
          </div>
          <button type="submit" disabled={rename.isPending}>
            Rename
          </button>
        </form>
      ) : null}
      {rename.isSuccess ? (
        <p role="status" className="muted">
          Name saved.
        </p>
      ) : null}
      <div className={styles.actions}>
        <ConfirmButton
          label="Leave team"
          question={
            isOwner
              ? "Leave? The member who joined first becomes owner; if you are the last, the team is deleted."
              : "Leave this team? You need a new invite to come back."
          }
          confirmLabel="Yes, leave"
          onConfirm={() => leave.mutate()}
          pending={leave.isPending}
        />
        {isOwner ? (
          <ConfirmButton
            label="Delete team"
            question="Delete the team for everyone? Shared notes become private again."
            confirmLabel="Yes, delete"
            onConfirm={() => remove.mutate()}
            pending={remove.isPending}
          />
        ) : null}
      </div>
      <ErrorMessage error={rename.error ?? leave.error ?? remove.error} />
    </div>
  );
}
