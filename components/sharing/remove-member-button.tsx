"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/client/api-fetch";
import { ConfirmButton } from "./confirm-button";
import { ErrorMessage } from "@/components/error-message";

export function RemoveMemberButton({ teamId, userId, name }: { teamId: string; userId: string; name: string }) {
  const router = useRouter();
  const remove = useMutation({
    mutationFn: () => apiFetch(`/api/v1/teams/${teamId}/members/${userId}`, { method: "DELETE" }),
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <ConfirmButton
        label={`Remove ${name}`}
        question={`Remove ${name} from the team?`}
        confirmLabel="Yes, remove"
        onConfirm={() => remove.mutate()}
        pending={remove.isPending}
      />
      <ErrorMessage error={remove.error} />
    </>
  );
}
