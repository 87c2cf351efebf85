"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/client/api-fetch";
import { CopyButton } from "./copy-button";
import { ErrorMessage } from "@/components/error-message";
import styles from "./sharing.module.css";

export type InviteRow = { id: string; createdLabel: string; expiresLabel: string; expired: boolean };
type CreatedInvite = { id: string; url: string; expiresAt: string };

/**
 * The owner's invite links. A link's URL can be shown only when it is made
 * (the server keeps just a hash), so "new link" shows it once with a copy
 * button; older links are listed by date, to renew (another 7 days, same
 * link) or revoke.
 */
export function InvitePanel({ teamId, invites }: { teamId: string; invites: InviteRow[] }) {
  const router = useRouter();
  const refresh = () => router.refresh();
  const create = useMutation({
    mutationFn: () => apiFetch<CreatedInvite>(`/api/v1/teams/${teamId}/invites`, { method: "POST" }),
    onSuccess: refresh,
  });
  const renew = useMutation({
    mutationFn: (inviteId: string) => apiFetch(`/api/v1/teams/${teamId}/invites/${inviteId}/renew`, { method: "POST" }),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: (inviteId: string) => apiFetch(`/api/v1/teams/${teamId}/invites/${inviteId}`, { method: "DELETE" }),
    onSuccess: refresh,
  });

  return (
    <div className={styles.stack}>
      <div>
        <button type="button" onClick={() => create.mutate()} disabled={create.isPending}>
          New invite link
        </button>
      </div>
      {create.data ? (
        <div className="notice" role="status">
          <p>New invite link, valid for 7 days. Copy it now: it is shown only once.</p>
          <code className={styles.secret} aria-label="Invite link">
            {create.data.url}
          </code>
          <CopyButton text={create.data.url} label="Copy invite link" />
        </div>
      ) : null}
      <ErrorMessage error={create.error ?? renew.error ?? revoke.error} />
      {invites.length === 0 ? (
        <p className="muted">No open invite links.</p>
      ) : (
        <ul className={styles["member-list"]} aria-label="Invite links">
          {invites.map((invite) => (
            <li key={invite.id}>
              <span>
                Link made {invite.createdLabel}:{" "}
                {invite.expired ? <strong className="error-text">expired {invite.expiresLabel}</strong> : `works until ${invite.expiresLabel}`}
              </span>
              <span className={styles.actions}>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => renew.mutate(invite.id)}
                  aria-label={`Renew the invite link made ${invite.createdLabel}`}
                >
                  Renew
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => revoke.mutate(invite.id)}
                  aria-label={`Revoke the invite link made ${invite.createdLabel}`}
                >
                  Revoke
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
