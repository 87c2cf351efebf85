"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/client/api-fetch";
import { ErrorMessage } from "@/components/error-message";

/**
 * Accepting my part of the split: sends exactly the sessions shown, so the
 * server adds nothing the member did not see (it refuses if the proposal
 * changed meanwhile). Afterwards the page is loaded again with the count in
 * its address, because the accepted sessions leave "my part" and this
 * button with them.
 */
export function AcceptPartButton({ teamId, conference, sessionIds }: { teamId: string; conference: string; sessionIds: string[] }) {
  const router = useRouter();
  const accept = useMutation({
    mutationFn: () =>
      apiFetch<{ starred: string[] }>(`/api/v1/teams/${teamId}/coverage/accept`, {
        method: "POST",
        json: { conference, sessionIds },
      }),
    onSuccess: (result) => {
      const query = new URLSearchParams({ conference, split: "1", accepted: String(result.starred.length) });
      router.push(`/teams/${teamId}/coverage?${query.toString()}#proposal`);
    },
  });
  return (
    <div>
      <button type="button" onClick={() => accept.mutate()} disabled={accept.isPending || accept.isSuccess}>
        Accept my part ({sessionIds.length} {sessionIds.length === 1 ? "session" : "sessions"})
      </button>
      <ErrorMessage error={accept.error} />
    </div>
  );
}
