"use client";

import { signOut } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { FormStatus } from "@/components/form-status";
import { apiFetch, messageOf } from "@/lib/client/api-fetch";

export function DangerZone({ email }: { email: string }) {
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState("");

  async function everywhere() {
    try {
      await apiFetch("/api/v1/me/sign-out-everywhere", { method: "POST" });
      await signOut({ callbackUrl: "/signin" });
    } catch (caught) {
      setError(messageOf(caught, "That did not work."));
    }
  }

  async function onDelete(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await apiFetch("/api/v1/me", { method: "DELETE" });
      await signOut({ callbackUrl: "/?deleted=1" });
    } catch (caught) {
      setError(messageOf(caught, "Deleting the account failed."));
    }
  }

  return (
    <div className="form">
      <FormStatus status={error ? { ok: false, text: error } : null} />
      <div>
        <button type="button" className="secondary" onClick={everywhere}>
          Sign out everywhere
        </button>
        <p className="muted">Ends your sessions on every device, this one included.</p>
      </div>
      <form className="form card" onSubmit={onDelete} aria-label="Delete account">
        <h3>Delete my account</h3>
        <p>
          This removes your agenda, notes, share links and tokens for good. Teams you own pass to another member, or are
          deleted when you are their only member.
        </p>
        <div className="field">
          <label htmlFor="delete-confirm">Type your email ({email}) to confirm</label>
          <input id="delete-confirm" value={confirm} onChange={(event) => setConfirm(event.target.value)} autoComplete="off" />
        </div>
        <div>
          <button type="submit" disabled={confirm.trim().toLowerCase() !== email.toLowerCase()} style={{ background: "var(--danger)", borderColor: "var(--danger)" }}>
            Delete my account
          </button>
        </div>
      </form>
    </div>
  );
}
