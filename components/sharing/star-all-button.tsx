"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { apiFetch } from "@/lib/client/api-fetch";
import { ErrorMessage } from "@/components/error-message";

/** On a shared agenda: copies its sessions into the viewer's own agenda (their existing stars stay as they are). */
export function StarAllButton({ token, conference }: { token: string; conference: string }) {
  const starAll = useMutation({
    mutationFn: () => apiFetch<{ added: number }>("/api/v1/me/share-links/star-all", { method: "POST", json: { share: token } }),
  });
  return (
    <div>
      <button type="button" onClick={() => starAll.mutate()} disabled={starAll.isPending}>
        Star all of these in my agenda
      </button>
      {starAll.data ? (
        <p role="status">
          {starAll.data.added === 0
            ? "They were all in your agenda already."
            : `Added ${starAll.data.added} ${starAll.data.added === 1 ? "session" : "sessions"} to your agenda.`}{" "}
          <Link href={`/conferences/${conference}/agenda`}>Open my agenda</Link>
        </p>
      ) : null}
      <ErrorMessage error={starAll.error} />
    </div>
  );
}
