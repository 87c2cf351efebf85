"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { apiFetch, messageOf } from "@/lib/client/api-fetch";
import { safeCallbackPath, signInWithPassword } from "@/lib/client/sign-in";

export function SignUpForm({ callbackUrl }: { callbackUrl: string | null }) {
  const target = safeCallbackPath(callbackUrl);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email"));
    const password = String(form.get("password"));
    const name = String(form.get("name") ?? "").trim();
    setBusy(true);
    setError(null);
    try {
      await apiFetch("/api/v1/account/signup", { method: "POST", json: { email, password, ...(name ? { name } : {}) } });
      await signInWithPassword(email, password, target);
      window.location.assign(target);
    } catch (caught) {
      setError(messageOf(caught, "Creating the account failed. Try again."));
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Create an account">
      {error ? (
        <p role="alert" className="notice error-text">
          {error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="signup-name">Name (shown to your teammates)</label>
        <input id="signup-name" name="name" autoComplete="name" maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor="signup-email">Email</label>
        <input id="signup-email" name="email" type="email" autoComplete="email" required />
      </div>
      <div className="field">
        <label htmlFor="signup-password">Password</label>
        <input
          id="signup-password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
          aria-describedby="signup-password-hint"
        />
        <small id="signup-password-hint" className="muted">
          At least 8 characters, and not a common password.
        </small>
      </div>
      <div>
        <button type="submit" disabled={busy}>
          {busy ? "Creating…" : "Create account"}
        </button>
      </div>
      <p>
        Already have an account? <Link href="/signin">Sign in</Link>
      </p>
    </form>
  );
}
