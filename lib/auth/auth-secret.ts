import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/config/env";

/**
 * NEXTAUTH_SECRET signs session cookies. Given, it is used as is. Otherwise the
 * embedded setup generates one on first start and keeps it under DATA_DIR, so
 * sessions survive a restart. With PostgreSQL in production several processes
 * (on several machines) must sign alike, which a per-machine file cannot
 * promise: there it must be set, and start-up stops with a clear message.
 */
export class MissingSecretError extends Error {
  constructor() {
    super(
      "NEXTAUTH_SECRET is not set. With DATABASE_URL in production, every app process must share one secret: " +
        "set NEXTAUTH_SECRET to a long random string (e.g. `openssl rand -base64 32`).",
    );
    this.name = "MissingSecretError";
  }
}

let cached: string | undefined;

export function getAuthSecret(): string {
  if (cached) return cached;
  const env = getEnv();
  if (env.NEXTAUTH_SECRET) return (cached = env.NEXTAUTH_SECRET);
  if (env.DATABASE_URL && env.NODE_ENV === "production") throw new MissingSecretError();
  const file = path.join(env.dataDir, "nextauth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(env.dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process wrote it first; read theirs below.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  cached = fs.readFileSync(file, "utf8").trim();
  return cached;
}

/** The public origin of the app: NEXTAUTH_URL, or localhost on PORT. */
export function getAppUrl(): string {
  const env = getEnv();
  return (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}
