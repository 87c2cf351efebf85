// autocannon ships no types and the project adds no @types package: this
// declares only the part of its programmatic API the benchmarks use.
declare module "autocannon" {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      headers?: Record<string, string>;
      /** Seconds before a request counts as timed out. */
      timeout?: number;
    }
    /** Percentiles as autocannon names them: p50, p90, p97_5, p99, … */
    interface Histogram {
      average: number;
      stddev: number;
      min: number;
      max: number;
      p50: number;
      p90: number;
      p99: number;
    }
    interface Result {
      /** Seconds. */
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      /** Milliseconds. */
      latency: Histogram;
      /** Per-second samples; `total` counts completed requests. */
      requests: Histogram & { total: number };
      /** Bytes-per-second samples; `total` counts bytes. */
      throughput: Histogram & { total: number };
    }
  }
  /** The running benchmark: awaitable for its result, and an emitter ("reqError" gets each failed request's error). */
  type Instance = import("node:events").EventEmitter & PromiseLike<autocannon.Result>;
  function autocannon(options: autocannon.Options): Instance;
  export = autocannon;
}
