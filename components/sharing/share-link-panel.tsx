"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import { CopyButton } from "./copy-button";
import { ErrorMessage } from "@/components/error-message";
import styles from "./sharing.module.css";

type ShareLink = { id: string; conference: string; createdAt: string };

const when = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });

/**
 * Read-only links to my agenda for one conference (for the agenda page):
 * make one (its URL is shown once), list them, delete any; a deleted link
 * answers 404 from then on.
 */
export function ShareLinkPanel({ conference }: { conference: string }) {
  const queryClient = useQueryClient();
  const key = ["share-links", conference] as const;
  const links = useQuery({
    queryKey: key,
    queryFn: () =>
      apiFetch<{ links: ShareLink[] }>(`/api/v1/me/share-links?conference=${encodeURIComponent(conference)}`).then((body) => body.links),
  });
  const create = useMutation({
    mutationFn: () => apiFetch<{ id: string; url: string }>("/api/v1/me/share-links", { method: "POST", json: { conference } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/me/share-links/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  return (
    <div className={styles.stack}>
      <p className="muted">
        Anyone with a share link sees the sessions you starred for this conference, read-only. Your notes are never shown.
      </p>
      <div>
        <button type="button" onClick={() => create.mutate()} disabled={create.isPending}>
          Create a share link
        </button>
      </div>
      {create.data ? (
        <div className="notice" role="status">
          <p>Your share link. Copy it now: it is shown only once.</p>
          <code className={styles.secret} aria-label="Share link">
            {create.data.url}
          </code>
          <CopyButton text={create.data.url} label="Copy share link" />
        </div>
      ) : null}
      <ErrorMessage error={create.error ?? remove.error} />
      {links.isPending ? (
        <p className="muted">Loading your share links…</p>
      ) : links.isError ? (
        <ErrorMessage error={links.error} />
      ) : links.data.length === 0 ? (
        <p className="muted">No share links for this conference.</p>
      ) : (
        <ul className={styles["member-list"]} aria-label="Your share links">
          {links.data.map((link) => (
            <li key={link.id}>
              <span>Link made {when(link.createdAt)}</span>
              <button
                type="button"
                className="secondary"
                onClick={() => remove.mutate(link.id)}
                aria-label={`Delete the share link made ${when(link.createdAt)}`}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
