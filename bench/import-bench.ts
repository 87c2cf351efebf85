import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { closeDb, useDbHandle } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/open-database";
import { importProgram, type ImportRequest, type ImportResult } from "@/lib/program/import-program";
import { parseProgram } from "@/lib/program/parse-program";
import type { BenchResult } from "./conflicts";
import { generateFrabProgram } from "./frab-program";

const SESSION_COUNT = 2_000;
const PARSE_WARMUPS = 2;
const PARSE_RUNS = 5;
const FILE_NAME = "bench-import.xml";

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? Number.NaN;
}

async function timed<T>(action: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await action();
  return { ms: performance.now() - started, value };
}

function expectCounts(result: ImportResult, what: "created" | "unchanged"): void {
  const { counts } = result.plan;
  if (counts[what] !== SESSION_COUNT || counts.total !== SESSION_COUNT) {
    throw new Error(`import benchmark: expected ${what} ${SESSION_COUNT}, got: ${result.summary}`);
  }
}

/**
 * First import of a 2,000-session frab file into an empty embedded database,
 * then a re-import of the same file (which must change nothing). The baseline
 * is parsing the same file alone, which every import does first, so the
 * ratios show what the database work costs on top of reading the file.
 */
export async function benchImport(): Promise<BenchResult[]> {
  const program = generateFrabProgram({
    sessionCount: SESSION_COUNT,
    title: "BenchConf Import 2026",
    slug: "benchconf-import-2026",
    seed: 20_260_309,
  });
  const request: ImportRequest = { text: program.xml, fileName: FILE_NAME, format: "frab-xml", conferenceSlug: program.slug };

  // The parser is warmed up before anything is timed, so neither side of the
  // ratio pays for first-call compilation alone.
  const parseOnce = () => parseProgram(program.xml, { fileName: FILE_NAME, format: "frab-xml" }).sessions.length;
  for (let run = 0; run < PARSE_WARMUPS; run += 1) parseOnce();
  const parseSamples: number[] = [];
  for (let run = 0; run < PARSE_RUNS; run += 1) {
    const started = performance.now();
    parseOnce();
    parseSamples.push(performance.now() - started);
  }
  const parseMs = median(parseSamples);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "planner-bench-import-"));
  try {
    // Migrations run while opening, outside the timed part: an empty, migrated database.
    useDbHandle(await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "db") }));
    const first = await timed(() => importProgram(request));
    expectCounts(first.value, "created");
    const again = await timed(() => importProgram(request));
    expectCounts(again.value, "unchanged");

    const setting = `${SESSION_COUNT} sessions, ${program.days} days, ${program.rooms} rooms, ${(program.xml.length / 1e6).toFixed(1)} MB frab XML, PGlite on disk`;
    const perSecond = (ms: number) => Number(((SESSION_COUNT * 1000) / ms).toFixed(0));
    const ms = (value: number) => Number(value.toFixed(1));
    const ratio = (value: number) => Number((value / parseMs).toFixed(2));
    return [
      { name: "import: first import", value: ms(first.ms), unit: "ms", note: `${setting}; ${first.value.summary}` },
      { name: "import: first import rate", value: perSecond(first.ms), unit: "sessions/s", note: "sessions / first-import time" },
      { name: "import: re-import (same file)", value: ms(again.ms), unit: "ms", note: again.value.summary },
      { name: "import: re-import rate", value: perSecond(again.ms), unit: "sessions/s", note: "sessions / re-import time" },
      { name: "import: parse only (baseline)", value: ms(parseMs), unit: "ms", note: `parseProgram alone, median of ${PARSE_RUNS} after ${PARSE_WARMUPS} warm-up` },
      { name: "import: first import / parse", value: ratio(first.ms), unit: "x", note: "same run" },
      { name: "import: re-import / parse", value: ratio(again.ms), unit: "x", note: "same run" },
    ];
  } finally {
    await closeDb();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
