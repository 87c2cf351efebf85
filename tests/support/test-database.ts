import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { closeDb, useDbHandle } from "@/lib/db/client";
import { openDatabase, type DbHandle, type DbTarget } from "@/lib/db/open-database";

/**
 * A fresh, fully migrated database for one test file: an in-memory PGlite by
 * default, or a new database on the PostgreSQL server named by
 * TEST_DATABASE_URL (dropped afterwards), so test files can run in parallel.
 */
export async function createScratchTarget(): Promise<{ target: DbTarget; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { target: { kind: "pglite", dataDir: null }, drop: async () => {} };
  const name = `planner_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: "postgres", url: url.toString() },
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export async function openTestDatabase(): Promise<DbHandle & { drop(): Promise<void> }> {
  const scratch = await createScratchTarget();
  const handle = await openDatabase(scratch.target);
  return { ...handle, drop: scratch.drop };
}

/** Gives the test file its own database and makes lib/ use it. */
export function useTestDatabase(): { handle(): DbHandle } {
  let current: (DbHandle & { drop(): Promise<void> }) | undefined;
  beforeAll(async () => {
    current = await openTestDatabase();
    useDbHandle(current);
  });
  afterAll(async () => {
    await closeDb();
    await current?.drop();
  });
  return {
    handle() {
      if (!current) throw new Error("the test database is opened in beforeAll");
      return current;
    },
  };
}

/** Unique names, so data built by parallel tests never collides. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}
