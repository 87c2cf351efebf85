import path from "node:path";
import { getEnv } from "@/lib/config/env";
import type { PrismaClient } from "./generated/client";
import { openDatabase, type DbHandle, type DbTarget } from "./open-database";

export type { PrismaClient } from "./generated/client";
export { Prisma } from "./generated/client";

/** The target the environment names: DATABASE_URL, or PGlite under DATA_DIR. */
export function targetFromEnv(): DbTarget {
  const env = getEnv();
  return env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL }
    : { kind: "pglite", dataDir: path.join(env.dataDir, "db") };
}

// One handle per process, kept on globalThis so that Next.js module reloads in
// development (and several bundles in production) share it: PGlite allows one
// opener per directory. Opened lazily: nothing touches the database at import
// time, so `next build` never opens it.
const holder = globalThis as typeof globalThis & { __plannerDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  holder.__plannerDb ??= openDatabase(targetFromEnv()).catch((error: unknown) => {
    holder.__plannerDb = undefined;
    throw error;
  });
  return holder.__plannerDb;
}

export async function getDb(): Promise<PrismaClient> {
  return (await getDbHandle()).db;
}

/**
 * Lets tests and scripts point the process at a database they opened
 * themselves (a fresh PGlite or PostgreSQL database per test file).
 */
export function useDbHandle(handle: DbHandle): void {
  holder.__plannerDb = Promise.resolve(handle);
}

export async function closeDb(): Promise<void> {
  const pending = holder.__plannerDb;
  holder.__plannerDb = undefined;
  if (pending) await (await pending).close();
}
