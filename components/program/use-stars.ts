"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { apiFetch } from "@/lib/client/api-fetch";

export type Level = "must" | "maybe";
export type StarMap = Record<string, Level>;

export const starsKey = (conference: string) => ["stars", conference] as const;

/**
 * My stars for one conference, shared by every star toggle on the page. The
 * server renders the initial map; changes are optimistic and roll back when
 * the server refuses.
 */
export function useStars(conference: string, initial: StarMap) {
  const queryClient = useQueryClient();
  // A fresh server render (after router.refresh(), e.g. once a conflict is
  // resolved) carries the truth: adopt it when it differs from what it was.
  const rendered = JSON.stringify(initial);
  const lastRendered = useRef(rendered);
  useEffect(() => {
    if (rendered === lastRendered.current) return;
    lastRendered.current = rendered;
    queryClient.setQueryData(starsKey(conference), JSON.parse(rendered) as StarMap);
  }, [conference, queryClient, rendered]);
  return useQuery({
    queryKey: starsKey(conference),
    queryFn: async () => {
      const agenda = await apiFetch<{ sessions: { id: string; level: Level }[] }>(
        `/api/v1/me/agenda?conference=${encodeURIComponent(conference)}`,
      );
      return Object.fromEntries(agenda.sessions.map((s) => [s.id, s.level])) as StarMap;
    },
    initialData: initial,
    staleTime: Infinity,
  });
}

export function useSetStar(conference: string, onSettled?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, level }: { sessionId: string; level: Level | null }) =>
      level
        ? apiFetch(`/api/v1/me/stars/${sessionId}`, { method: "PUT", json: { level } })
        : apiFetch(`/api/v1/me/stars/${sessionId}`, { method: "DELETE" }),
    onMutate: async ({ sessionId, level }) => {
      await queryClient.cancelQueries({ queryKey: starsKey(conference) });
      const previous = queryClient.getQueryData<StarMap>(starsKey(conference));
      queryClient.setQueryData<StarMap>(starsKey(conference), (current = {}) => {
        const next = { ...current };
        if (level) next[sessionId] = level;
        else delete next[sessionId];
        return next;
      });
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(starsKey(conference), context.previous);
    },
    onSettled,
  });
}
