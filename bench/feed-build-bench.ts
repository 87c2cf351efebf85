import { performance } from "node:perf_hooks";
import { buildBenchCalendar } from "./calendar-feed-payload";
import type { BenchResult } from "./conflicts";
import { FEED_SESSIONS } from "./prepare-server-data";

const WARMUPS = 2;
const RUNS = 7;

/**
 * Building the calendar text alone (no database, no HTTP) for as many
 * sessions as the feed benchmark serves: set next to the feed's idle request
 * time, it shows how much of a feed request is the iCalendar writer.
 */
export async function benchFeedBuild(): Promise<BenchResult[]> {
  let bytes = 0;
  for (let run = 0; run < WARMUPS; run += 1) bytes = buildBenchCalendar(FEED_SESSIONS).length;
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    bytes = buildBenchCalendar(FEED_SESSIONS).length;
    samples.push(performance.now() - started);
  }
  const median = [...samples].sort((a, b) => a - b)[RUNS >> 1] ?? Number.NaN;
  return [
    {
      name: "feed: buildAgendaIcs alone, in-process",
      value: Number(median.toFixed(1)),
      unit: "ms",
      note: `${FEED_SESSIONS} synthetic sessions (bench/calendar-feed-payload.ts), ${bytes} chars; median of ${RUNS} after ${WARMUPS} warm-up`,
    },
  ];
}
