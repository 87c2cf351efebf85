"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormStatus } from "@/components/form-status";
import { apiFetch, messageOf } from "@/lib/client/api-fetch";

/** "Your starred session moved…" notices, each dismissible. */
export function ChangeNotices({ notices }: { notices: { id: string; text: string }[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  if (notices.length === 0) return null;
  return (
    <section role="region" aria-label="Program changes" className="notice">
      <h2>Program changes</h2>
      <ul>
        {notices.map((notice) => (
          <li key={notice.id}>
            {notice.text}{" "}
            <button
              type="button"
              className="secondary link-button"
              onClick={async () => {
                try {
                  await apiFetch(`/api/v1/me/changes/${notice.id}/dismiss`, { method: "POST" });
                  router.refresh();
                } catch (caught) {
                  setError(messageOf(caught, "Could not dismiss the notice."));
                }
              }}
            >
              Dismiss
            </button>
          </li>
        ))}
      </ul>
      <FormStatus status={error ? { ok: false, text: error } : null} />
    </section>
  );
}
