import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getSessionUser } from "@/lib/auth/current-user";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Agenda planner", template: "%s · Agenda planner" },
  description: "Plan your conference: star sessions, resolve conflicts, take notes, share with your team.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page reads the database at request time; none is prerendered, so
// `next build` never opens the database (PGlite allows one process per directory).
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <nav aria-label="Main">
            <Link className="brand" href="/">
              Agenda planner
            </Link>
            <Link href="/">Conferences</Link>
            {user ? (
              <span className="user-nav">
                <Link href="/notes">My notes</Link>
                <Link href="/teams">Teams</Link>
                {user.role === "ADMIN" ? <Link href="/admin/import">Import</Link> : null}
                <Link href="/account">{user.name ?? user.email}</Link>
                <SignOutButton />
              </span>
            ) : (
              <span className="user-nav">
                <Link href="/signin">Sign in</Link>
                <Link href="/signup">Create account</Link>
              </span>
            )}
          </nav>
        </header>
        <main id="main">
          <Providers>{children}</Providers>
        </main>
      </body>
    </html>
  );
}
