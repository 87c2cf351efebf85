// Generates the Prisma client (npm's postinstall). Prisma's CLI first makes
// sure its native schema engine is present, fetching it from Prisma's host;
// `generate` never runs that engine, so where the host cannot be reached we
// point PRISMA_SCHEMA_ENGINE_BINARY at an existing file and generation works
// offline too. Migrations use the WASM engine (lib/db/schema-engine.ts).
import { spawnSync } from "node:child_process";
import process from "node:process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
