"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormStatus } from "@/components/form-status";
import { apiFetch, messageOf } from "@/lib/client/api-fetch";

type ConflictItem = {
  signature: string;
  accepted: boolean;
  timeRange: string;
  sessions: { id: string; title: string; time: string; room: string | null }[];
};

/** The conflicts of my agenda, each resolvable in one click, or acceptable on purpose. */
export function ConflictList({ conflicts }: { conflicts: ConflictItem[] }) {
  const router = useRouter();
  const [then, setThen] = useState<"maybe" | "unstar">("maybe");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = conflicts.filter((c) => !c.accepted);
  const accepted = conflicts.filter((c) => c.accepted);

  async function run(call: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await call();
      router.refresh();
    } catch (caught) {
      setError(messageOf(caught, "That did not work; nothing was changed."));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section role="region" aria-label={`Conflicts (${open.length})`} className={`conflicts${open.length > 0 ? " has-conflicts" : ""}`}>
      <h2>Conflicts</h2>
      {open.length === 0 ? (
        <p className="muted">No conflicts: none of your “must” sessions overlap.</p>
      ) : (
        <>
          <fieldset className="then-choice">
            <legend>When I keep one session, the others</legend>
            <label>
              <input type="radio" name="then" checked={then === "maybe"} onChange={() => setThen("maybe")} /> stay as backups (maybe)
            </label>
            <label>
              <input type="radio" name="then" checked={then === "unstar"} onChange={() => setThen("unstar")} /> leave my agenda
            </label>
          </fieldset>
          <ul className="conflict-groups">
            {open.map((conflict) => (
              <li key={conflict.signature} className="conflict card">
                <p>
                  <strong>{conflict.sessions.length} sessions overlap</strong>, {conflict.timeRange}
                </p>
                <ul>
                  {conflict.sessions.map((session) => (
                    <li key={session.id} className="conflict-session">
                      <span>
                        {session.time} · {session.title}
                        {session.room ? ` · ${session.room}` : ""}
                      </span>
                      <button
                        type="button"
                        disabled={busy}
                        aria-label={`Keep ${session.title}`}
                        onClick={() =>
                          run(() =>
                            apiFetch("/api/v1/me/conflicts/resolve", {
                              method: "POST",
                              json: { keep: session.id, others: conflict.sessions.filter((s) => s.id !== session.id).map((s) => s.id), then },
                            }),
                          )
                        }
                      >
                        Keep this one
                      </button>
                    </li>
                  ))}
                </ul>
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={() =>
                    run(() => apiFetch("/api/v1/me/conflicts/accept", { method: "POST", json: { sessionIds: conflict.sessions.map((s) => s.id) } }))
                  }
                >
                  Keep them all (I double-book on purpose)
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {accepted.length > 0 ? (
        <p className="muted">
          {accepted.length} accepted {accepted.length === 1 ? "conflict" : "conflicts"} stay quiet until one of their sessions changes.
        </p>
      ) : null}
      <FormStatus status={error ? { ok: false, text: error } : null} />
    </section>
  );
}
