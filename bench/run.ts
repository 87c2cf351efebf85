// `npm run bench`: every benchmark, each next to a baseline measured in the
// same run (the machine is shared and noisy, so only ratios compare across
// runs), printed as one table with the machine facts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { benchConflicts, type BenchResult } from "./conflicts";
import { benchFeedBuild } from "./feed-build-bench";
import { benchHttp, STATIC_FEED_FILE, type Workspace } from "./http-bench";
import { benchImport } from "./import-bench";
import { ensureBuild } from "./next-build";
import { printTable } from "./print-table";
import { freePort, killAllNow } from "./server-process";

async function createWorkspace(): Promise<Workspace> {
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), "planner-bench-"));
  const workspace = { dataDir: path.join(scratchDir, "data"), scratchDir, port: await freePort(), barePort: await freePort() };
  // Set before anything reads the configuration (it is read once and cached),
  // so nothing in this process can touch ./data or a DATABASE_URL from the shell.
  process.env.DATA_DIR = workspace.dataDir;
  process.env.NEXTAUTH_URL = `http://127.0.0.1:${workspace.port}`;
  delete process.env.DATABASE_URL;
  return workspace;
}

function cleanUp(workspace: Workspace): void {
  killAllNow();
  fs.rmSync(STATIC_FEED_FILE, { force: true });
  fs.rmSync(workspace.scratchDir, { recursive: true, force: true });
}

async function step(title: string, action: () => Promise<BenchResult[]>, rows: BenchResult[]): Promise<void> {
  const started = performance.now();
  process.stdout.write(`${title} … `);
  rows.push(...(await action()));
  console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const workspace = await createWorkspace();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      cleanUp(workspace);
      process.exit(130);
    });
  }
  const rows: BenchResult[] = [];
  try {
    await step("1. conflict detection", async () => (await benchConflicts()).map((row) => ({ ...row, name: `conflicts: ${row.name}` })), rows);
    await step("2. import", benchImport, rows);
    await step("4. calendar text alone, in-process (before any server runs)", benchFeedBuild, rows);
    await step("next build into .next-bench (skipped while fresh)", async () => {
      process.stdout.write((await ensureBuild()) ? "built, " : "fresh, reused, ");
      return [];
    }, rows);
    await step("3./4. agenda API and calendar feed under load", () => benchHttp(workspace), rows);
  } finally {
    cleanUp(workspace);
  }

  const cpus = os.cpus();
  console.log("");
  console.log(`date: ${new Date().toISOString()}`);
  console.log(`machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? "unknown model"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.arch()}`);
  console.log(`node: ${process.version}; load average at end: ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}`);
  console.log(`total time: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log("");
  printTable(rows);
}

main().then(
  // autocannon and the database drivers can leave handles open; the run is over.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
