import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { AppError } from "@/lib/errors/app-error";
import { LOCKFILE_CONTENT, LOCKFILE_NAME, MIGRATIONS_DIR, SCHEMA_PATH, diffHistoryToSchema } from "./migrations";

/**
 * Writes the next migration: the difference between what the migration history
 * builds and what schema.prisma says, computed on a throwaway in-memory PGlite,
 * so no database server is needed to author one. Returns the new directory, or
 * null when history and schema already agree. Never touches an existing migration.
 */
export async function authorMigration(
  name: string,
  options: { schemaPath?: string; migrationsDir?: string; now?: Date } = {},
): Promise<string | null> {
  if (!/^[a-z0-9_]{1,60}$/i.test(name)) {
    throw new AppError("INVALID_INPUT", `migration name "${name}": use letters, digits and underscores (1-60 characters)`);
  }
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const client = await PGlite.create();
  try {
    const sql = await diffHistoryToSchema(new PrismaPGlite(client), options.schemaPath ?? SCHEMA_PATH, migrationsDir);
    if (sql === "") return null;
    const stamp = (options.now ?? new Date()).toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name.toLowerCase()}`);
    if (fs.existsSync(dir)) throw new AppError("CONFLICT", `${dir} already exists`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    const lockPath = path.join(migrationsDir, LOCKFILE_NAME);
    if (!fs.existsSync(lockPath)) fs.writeFileSync(lockPath, LOCKFILE_CONTENT);
    return dir;
  } finally {
    await client.close();
  }
}
