import { performance } from "node:perf_hooks";
import autocannon from "autocannon";

/** The load every HTTP benchmark applies, so app and baseline see the same thing. */
export const LOAD = { connections: 50, warmupSeconds: 2, seconds: 8 } as const;

export type LoadResult = {
  requestsPerSecond: number;
  p99Ms: number;
  bytesPerResponse: number;
  requests: number;
  /** One request on the idle server, after warm-up (median of the last three). */
  idleMs: number;
};

const SETTLE_TIMEOUT_MS = 120_000;

async function timeOne(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
  return performance.now() - started;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? Number.NaN;
}

/**
 * Closing the load's connections does not stop the requests the server has
 * already accepted: a slow endpoint keeps working through that backlog for
 * seconds. The next measurement must not start on a busy server, so wait
 * until a single request is about as fast as on the idle server again.
 */
async function settle(url: string, headers: Record<string, string>, idleMs: number): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if ((await timeOne(url, headers)) <= Math.max(3 * idleMs, idleMs + 50)) return;
  }
  throw new Error(`GET ${url}: the server was still busy ${SETTLE_TIMEOUT_MS / 1000} s after the load stopped`);
}

/**
 * Warm-up with one request at a time (JIT, caches, connection pools) without
 * leaving a backlog, then the measured run under concurrent load, then a wait
 * until the server is idle again. Any error, timeout or non-2xx answer fails
 * the benchmark: a fast stream of 401s or 500s would otherwise pass for good
 * numbers.
 */
export async function runLoad(url: string, headers: Record<string, string> = {}): Promise<LoadResult> {
  const samples: number[] = [];
  const warmUntil = performance.now() + LOAD.warmupSeconds * 1000;
  while (samples.length < 3 || performance.now() < warmUntil) samples.push(await timeOne(url, headers));
  const idleMs = median(samples.slice(-3));

  const run = autocannon({ url, headers, connections: LOAD.connections, duration: LOAD.seconds, timeout: 60 });
  const reasons = new Map<string, number>();
  run.on("reqError", (error: Error) => reasons.set(error.message, (reasons.get(error.message) ?? 0) + 1));
  const result = await run;
  const requests = result.requests.total;
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0 || requests === 0) {
    const why = [...reasons].map(([message, count]) => `${count}× ${message}`).join("; ");
    throw new Error(
      `load on ${new URL(url).pathname}: ${requests} completed, ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx${why ? ` (${why})` : ""}`,
    );
  }
  await settle(url, headers, idleMs);
  return {
    requestsPerSecond: requests / result.duration,
    p99Ms: result.latency.p99,
    bytesPerResponse: result.throughput.total / requests,
    requests,
    idleMs,
  };
}
