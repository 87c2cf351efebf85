"use client";

import { useState, type FormEvent } from "react";
import { FormStatus, type FormStatusValue } from "@/components/form-status";
import { apiFetch, messageOf } from "@/lib/client/api-fetch";

/** Changing the password ends every session, this one too: the user signs in again with the new one. */
export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const [status, setStatus] = useState<FormStatusValue>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      await apiFetch("/api/v1/me/password", {
        method: "PUT",
        json: { currentPassword: String(form.get("current") ?? ""), newPassword: String(form.get("next")) },
      });
      setStatus({ ok: true, text: "Password changed. Sign in again with the new one." });
      window.location.assign("/signin");
    } catch (caught) {
      setStatus({ ok: false, text: messageOf(caught, "Changing the password failed.") });
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Change password">
      {hasPassword ? (
        <div className="field">
          <label htmlFor="password-current">Current password</label>
          <input id="password-current" name="current" type="password" autoComplete="current-password" required />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="password-next">New password</label>
        <input id="password-next" name="next" type="password" autoComplete="new-password" minLength={8} required />
      </div>
      <div>
        <button type="submit">{hasPassword ? "Change password" : "Set a password"}</button>
      </div>
      <FormStatus status={status} />
    </form>
  );
}
