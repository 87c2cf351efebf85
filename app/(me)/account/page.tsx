import type { Metadata } from "next";
import { ApiTokens } from "@/components/account/api-tokens";
import { DangerZone } from "@/components/account/danger-zone";
import { PasswordForm } from "@/components/account/password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { hasPassword } from "@/lib/auth/account";
import { requirePageUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  return (
    <>
      <h1>Account</h1>
      <p className="muted">
        Signed in as {user.email}
        {user.role === "ADMIN" ? " (admin)" : ""}.
      </p>
      <section aria-labelledby="profile-heading" className="card">
        <h2 id="profile-heading">Profile</h2>
        <ProfileForm name={user.name ?? ""} />
      </section>
      <section aria-labelledby="password-heading" className="card">
        <h2 id="password-heading">Password</h2>
        <PasswordForm hasPassword={await hasPassword(user.id)} />
      </section>
      <section aria-labelledby="tokens-heading" className="card">
        <h2 id="tokens-heading">Personal API tokens</h2>
        <ApiTokens />
      </section>
      <section aria-labelledby="data-heading" className="card">
        <h2 id="data-heading">Your data</h2>
        <p>
          <a href="/api/v1/me/export" download>
            Export all my data (JSON)
          </a>
        </p>
      </section>
      <section aria-labelledby="danger-heading" className="card">
        <h2 id="danger-heading">Sessions and deletion</h2>
        <DangerZone email={user.email} />
      </section>
    </>
  );
}
