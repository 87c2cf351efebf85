"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { messageOf } from "@/lib/client/api-fetch";
import { requestMagicLink, safeCallbackPath, signInWithPassword } from "@/lib/client/sign-in";

type Props = {
  callbackUrl: string | null;
  initialError: string | null;
  methods: { email: boolean; github: boolean; google: boolean };
};

const ERROR_TEXT: Record<string, string> = {
  CredentialsSignin: "The email or the password is not right.",
  Verification: "That sign-in link has expired or was already used. Ask for a new one.",
  OAuthAccountNotLinked: "This email already has an account that signs in another way.",
};

export function SignInForm({ callbackUrl, initialError, methods }: Props) {
  const target = safeCallbackPath(callbackUrl);
  const [error, setError] = useState<string | null>(initialError ? (ERROR_TEXT[initialError] ?? "Signing in failed. Try again.") : null);
  const [busy, setBusy] = useState(false);
  const [linkEmail, setLinkEmail] = useState("");
  const [linkSent, setLinkSent] = useState(false);

  async function onPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signInWithPassword(String(form.get("email")), String(form.get("password")), target);
      window.location.assign(target);
    } catch (caught) {
      setError(messageOf(caught, "Signing in failed. Check your connection and try again."));
      setBusy(false);
    }
  }

  async function onMagicLink(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await requestMagicLink(linkEmail, target);
      setLinkSent(true);
    } catch (caught) {
      setError(messageOf(caught, "Sending the link failed. Try again."));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="form">
      {error ? (
        <p role="alert" className="notice error-text">
          {error}
        </p>
      ) : null}
      <form className="form" onSubmit={onPassword} aria-label="Sign in with email and password">
        <div className="field">
          <label htmlFor="signin-email">Email</label>
          <input id="signin-email" name="email" type="email" autoComplete="email" required />
        </div>
        <div className="field">
          <label htmlFor="signin-password">Password</label>
          <input id="signin-password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <div>
          <button type="submit" disabled={busy}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </div>
      </form>
      <p>
        New here? <Link href={`/signup${callbackUrl ? `?callbackUrl=${encodeURIComponent(target)}` : ""}`}>Create an account</Link>
      </p>
      {methods.email ? (
        <form className="form card" onSubmit={onMagicLink} aria-label="Sign in with an email link">
          <h2>Or get a sign-in link by email</h2>
          {linkSent ? (
            <p role="status">Check your inbox: we sent a sign-in link to {linkEmail}.</p>
          ) : (
            <>
              <div className="field">
                <label htmlFor="magic-email">Email for the link</label>
                <input
                  id="magic-email"
                  type="email"
                  autoComplete="email"
                  required
                  value={linkEmail}
                  onChange={(event) => setLinkEmail(event.target.value)}
                />
              </div>
              <div>
                <button type="submit" className="secondary" disabled={busy}>
                  Email me a sign-in link
                </button>
              </div>
            </>
          )}
        </form>
      ) : null}
      {methods.github || methods.google ? (
        <div className="card form">
          <h2>Or continue with</h2>
          {methods.github ? (
            <button type="button" className="secondary" onClick={() => signIn("github", { callbackUrl: target })}>
              GitHub
            </button>
          ) : null}
          {methods.google ? (
            <button type="button" className="secondary" onClick={() => signIn("google", { callbackUrl: target })}>
              Google
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
