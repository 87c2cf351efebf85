import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";

/** The benchmarks' own build directory, never the default `.next` others use; .gitignore covers `.next-*` dirs. */
export const DIST_DIR = ".next-bench";
export const NEXT_BIN = path.resolve("node_modules", "next", "dist", "bin", "next");

// What the production bundle is built from. public/ is served from disk by
// `next start`, not bundled, so it does not make a build stale.
const SOURCES = ["app", "lib", "components", "proxy.ts", "next.config.ts", "package-lock.json"];

function newestMtimeMs(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, name) => Math.max(newest, newestMtimeMs(path.join(entry, name))), stat.mtimeMs);
}

/** True when the last benchmark build is newer than every source file it was built from. */
export function buildIsFresh(): boolean {
  const built = fs.statSync(path.join(DIST_DIR, "BUILD_ID"), { throwIfNoEntry: false });
  return built !== undefined && SOURCES.every((source) => newestMtimeMs(source) < built.mtimeMs);
}

type Snapshot = { file: string; text: string | null; mtime: Date | null };

function snapshot(file: string): Snapshot {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return { file, text: stat ? fs.readFileSync(file, "utf8") : null, mtime: stat?.mtime ?? null };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * `next build` adds its dist dir's type globs to tsconfig.json's include and
 * points next-env.d.ts at them. Those are the project's files, not the
 * benchmark's: when the only change is exactly what the build writes for
 * DIST_DIR, the earlier bytes (and mtime) are put back. Anything else means
 * someone edited the file meanwhile, and it is left alone.
 */
function restoreIfOnlyBuildChanged(before: Snapshot, expectedAfter: (text: string) => boolean): void {
  if (before.text === null || before.mtime === null) return;
  const now = fs.readFileSync(before.file, "utf8");
  if (now === before.text) return;
  if (!expectedAfter(now)) {
    console.warn(`warning: ${before.file} changed during the build beyond what next build writes; left as it is`);
    return;
  }
  fs.writeFileSync(before.file, before.text);
  fs.utimesSync(before.file, before.mtime, before.mtime);
}

function tsconfigWithDistTypes(text: string): unknown {
  const config = parseJson(text);
  if (typeof config !== "object" || config === null || !("include" in config)) return undefined;
  const include: unknown = config.include;
  if (!Array.isArray(include)) return undefined;
  const added = [`${DIST_DIR}/types/**/*.ts`, `${DIST_DIR}/dev/types/**/*.ts`].filter((glob) => !include.includes(glob));
  return { ...config, include: [...include, ...added] };
}

function runNextBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, "build"], {
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (${code}):\n${output}`))));
  });
}

/** Builds into DIST_DIR unless that build is still fresh (BENCH_REBUILD=1 forces it). Returns whether it built. */
export async function ensureBuild(): Promise<boolean> {
  if (process.env.BENCH_REBUILD !== "1" && buildIsFresh()) return false;
  const tsconfig = snapshot("tsconfig.json");
  const nextEnv = snapshot("next-env.d.ts");
  try {
    await runNextBuild();
  } finally {
    const expectedTsconfig = tsconfig.text === null ? undefined : tsconfigWithDistTypes(tsconfig.text);
    restoreIfOnlyBuildChanged(tsconfig, (now) => expectedTsconfig !== undefined && isDeepStrictEqual(parseJson(now), expectedTsconfig));
    restoreIfOnlyBuildChanged(nextEnv, (now) => now === nextEnv.text?.replaceAll("./.next/types/", `./${DIST_DIR}/types/`));
  }
  return true;
}
