import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Agenda planner", template: "%s · Agenda planner" },
  description: "Plan your conference: star sessions, resolve conflicts, take notes, share with your team.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page reads the database at request time; none is prerendered, so
// `next build` never opens the database (PGlite allows one process per directory).
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
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
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
