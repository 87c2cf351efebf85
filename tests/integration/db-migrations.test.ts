import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { authorMigration } from "@/lib/db/author-migration";
import { applyMigrations, MIGRATIONS_DIR, readMigrationList } from "@/lib/db/migrations";
import { openDatabase } from "@/lib/db/open-database";
import { createScratchTarget } from "../support/test-database";

const run = promisify(execFile);
const onDisk = readMigrationList().migrationDirectories;

function checksumOf(name: string): string {
  return createHash("sha256").update(fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"))).digest("hex");
}

type MigrationRow = { migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number };

describe.each([
  ["PGlite", false],
  ["PostgreSQL", true],
] as const)("migrations on an empty %s", (_label, needsServer) => {
  it.skipIf(needsServer && !process.env.TEST_DATABASE_URL)(
    "applies every migration, records it as prisma migrate deploy does, and a second run is a no-op",
    async () => {
      const scratch = needsServer ? await createScratchTarget() : { target: { kind: "pglite" as const, dataDir: null }, drop: async () => {} };
      const handle = await openDatabase(scratch.target);
      try {
        expect(handle.applied).toEqual(onDisk.map((dir) => dir.path));
        const rows = await handle.db.$queryRawUnsafe<MigrationRow[]>(
          "SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
        );
        expect(rows.map((row) => row.migration_name)).toEqual(onDisk.map((dir) => dir.path));
        for (const row of rows) {
          expect(row.checksum).toBe(checksumOf(row.migration_name));
          expect(row.finished_at).not.toBeNull();
          expect(row.applied_steps_count).toBe(1);
        }
        // The schema is really there: a write and a read through Prisma.
        const user = await handle.db.user.create({ data: { email: "first@example.org" } });
        expect(await handle.db.user.findUnique({ where: { id: user.id }, select: { role: true } })).toEqual({ role: "ATTENDEE" });

        // Applying again changes nothing.
        const adapter =
          scratch.target.kind === "postgres" ? new PrismaPg({ connectionString: scratch.target.url }) : null;
        if (adapter) expect(await applyMigrations(adapter)).toEqual([]);
        const again = await handle.db.$queryRawUnsafe<MigrationRow[]>(
          "SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
        );
        expect(again).toEqual(rows);
      } finally {
        await handle.close();
        await scratch.drop();
      }
    },
  );
});

describe("migrations on an embedded data directory", () => {
  it("persist across reopening, and reopening applies nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "planner-db-"));
    const first = await openDatabase({ kind: "pglite", dataDir: dir });
    expect(first.applied.length).toBe(onDisk.length);
    await first.db.user.create({ data: { email: "kept@example.org" } });
    await first.close();

    const second = await openDatabase({ kind: "pglite", dataDir: dir });
    try {
      expect(second.applied).toEqual([]);
      expect(await second.db.user.count({ where: { email: "kept@example.org" } })).toBe(1);
    } finally {
      await second.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("applying the history again through the engine is a no-op", async () => {
    const client = await PGlite.create();
    try {
      const adapter = new PrismaPGlite(client);
      expect(await applyMigrations(adapter)).toEqual(onDisk.map((dir) => dir.path));
      expect(await applyMigrations(adapter)).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it("refuses a second process with an error naming the directory, and lets it in once the first closes", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "planner-lock-"));
    const holder = await openDatabase({ kind: "pglite", dataDir: dir });
    const child = () =>
      run("npx", ["tsx", "tests/support/open-data-dir.ts", dir], { cwd: process.cwd() }).then(
        (out) => ({ code: 0, stdout: out.stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    try {
      const refused = await child();
      expect(refused.code).not.toBe(0);
      expect(refused.stdout).toContain("REFUSED");
      expect(refused.stdout).toContain(dir);
      expect(refused.stdout).toContain("already open in another process");
      // The holder's data is intact.
      expect(await holder.db.user.count()).toBe(0);
    } finally {
      await holder.close();
    }
    const admitted = await child();
    expect(admitted.stdout).toContain("OPENED");
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe("migration authoring", () => {
  it("writes nothing when schema.prisma and the history agree", async () => {
    const before = fs.readdirSync(MIGRATIONS_DIR);
    expect(await authorMigration("should_not_exist")).toBeNull();
    expect(fs.readdirSync(MIGRATIONS_DIR)).toEqual(before);
  });

  it("writes the difference as the next migration when the schema changed", async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "planner-author-"));
    fs.cpSync(MIGRATIONS_DIR, path.join(work, "migrations"), { recursive: true });
    const schema = fs.readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
    fs.writeFileSync(path.join(work, "schema.prisma"), `${schema}\nmodel Widget {\n  id String @id\n  size Int\n}\n`);
    const dir = await authorMigration("add_widgets", {
      schemaPath: path.join(work, "schema.prisma"),
      migrationsDir: path.join(work, "migrations"),
      now: new Date("2099-01-02T03:04:05Z"),
    });
    expect(dir).toBe(path.join(work, "migrations", "20990102030405_add_widgets"));
    const sql = fs.readFileSync(path.join(dir ?? "", "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "Widget"');
    expect(sql).not.toContain('CREATE TABLE "User"');
    fs.rmSync(work, { recursive: true, force: true });
  });
});
