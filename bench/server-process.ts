import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

export type ServerProcess = {
  origin: string;
  stop(): Promise<void>;
  /** The last lines it printed and whether it is still running: for error messages. */
  report(): string;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Signals the child's whole process group (it was started detached), so helpers it spawned go too. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

// Children still running, so an interrupted run (Ctrl-C) can stop them: they
// run in their own process groups and would not get the terminal's SIGINT.
const running = new Set<ChildProcess>();

/** Synchronous, for signal handlers: kills every server this process started that is still up. */
export function killAllNow(): void {
  for (const child of running) signalGroup(child, "SIGKILL");
}

/**
 * Starts a server process and resolves once `probePath` answers (any status
 * below 500). Output is kept so that a server that dies early says why.
 */
export async function startServer(options: {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  probePath: string;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const origin = `http://127.0.0.1:${options.port}`;
  const child = spawn(options.command, options.args, { env: options.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.once("error", (error) => keep(Buffer.from(String(error))));

  const stop = async () => {
    signalGroup(child, "SIGTERM");
    const done = exited(child);
    const timer = setTimeout(() => signalGroup(child, "SIGKILL"), 5_000);
    await done;
    clearTimeout(timer);
  };

  const report = () => {
    const state = child.exitCode !== null || child.signalCode !== null ? `exited (${child.exitCode ?? child.signalCode})` : "running";
    return `${options.name} (${state}), last output:\n${output}`;
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${options.name} did not start: ${report()}`);
    }
    const status = await fetch(origin + options.probePath, { signal: AbortSignal.timeout(5_000) }).then(
      async (response) => {
        await response.body?.cancel();
        return response.status;
      },
      () => null,
    );
    if (status !== null && status < 500) return { origin, stop, report };
    await sleep(250);
  }
  await stop();
  throw new Error(`no answer on ${origin}${options.probePath} in time: ${report()}`);
}
