"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/client/api-fetch";
import { ErrorMessage } from "@/components/error-message";

/** The join page's one action: joining happens only on this explicit click, never on opening the link. */
export function JoinInviteButton({ code, teamName }: { code: string; teamName: string }) {
  const router = useRouter();
  const join = useMutation({
    mutationFn: () => apiFetch<{ id: string; name: string }>("/api/v1/teams/join", { method: "POST", json: { invite: code } }),
    onSuccess: (team) => router.push(`/teams/${team.id}`),
  });
  return (
    <>
      <button type="button" onClick={() => join.mutate()} disabled={join.isPending}>
        Join {teamName}
      </button>
      <ErrorMessage error={join.error} />
    </>
  );
}
