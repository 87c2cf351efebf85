import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { applyMigrations, readMigrationList } from "./migrations";
import { lockDataDir } from "./pglite-lock";

/** Where the data lives: a PostgreSQL server, or PGlite in a directory (null: in memory). */
export type DbTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string | null };

export type DbHandle = {
  db: PrismaClient;
  target: DbTarget;
  /** Names of migrations applied while opening. */
  applied: string[];
  close(): Promise<void>;
};

export function describeTarget(target: DbTarget): string {
  if (target.kind === "postgres") return `PostgreSQL at ${new URL(target.url).host}${new URL(target.url).pathname}`;
  return target.dataDir ? `embedded PGlite in ${target.dataDir}` : "embedded PGlite in memory";
}

/**
 * True when every migration on disk is recorded as finished, checked with one
 * query so that an up-to-date database does not pay for loading the engine.
 */
async function isUpToDate(db: PrismaClient): Promise<boolean> {
  const onDisk = readMigrationList().migrationDirectories.map((dir) => dir.path);
  const [table] = await db.$queryRawUnsafe<{ present: boolean }[]>(
    `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`,
  );
  if (!table?.present) return onDisk.length === 0;
  const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(rows.map((row) => row.migration_name));
  return onDisk.every((name) => applied.has(name));
}

/** Opens the database, applying pending migrations first. */
export async function openDatabase(target: DbTarget, options: { migrate?: boolean } = {}): Promise<DbHandle> {
  const migrate = options.migrate ?? true;
  let adapter: SqlMigrationAwareDriverAdapterFactory;
  let closeDriver: () => Promise<void>;

  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    adapter = new PrismaPg(pool);
    closeDriver = () => pool.end();
  } else {
    let release = () => {};
    if (target.dataDir) {
      fs.mkdirSync(target.dataDir, { recursive: true });
      release = lockDataDir(target.dataDir);
    }
    try {
      const client = await PGlite.create(target.dataDir ? path.join(target.dataDir, "pglite") : undefined);
      adapter = new PrismaPGlite(client);
      closeDriver = async () => {
        await client.close();
        release();
      };
    } catch (error) {
      release();
      throw error;
    }
  }

  const db = new PrismaClient({ adapter });
  try {
    const applied = migrate && !(await isUpToDate(db)) ? await applyMigrations(adapter) : [];
    return {
      db,
      target,
      applied,
      async close() {
        await db.$disconnect();
        await closeDriver();
      },
    };
  } catch (error) {
    await db.$disconnect();
    await closeDriver();
    throw error;
  }
}
