import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { BenchResult } from "./conflicts";
import { LOAD, runLoad, type LoadResult } from "./load";
import { DIST_DIR, NEXT_BIN } from "./next-build";
import { DEMO_SLUG, FEED_SESSIONS, prepareServerData } from "./prepare-server-data";
import { startServer, type ServerProcess } from "./server-process";

/** Scratch space of one run: the app's DATA_DIR (already in this process's env too, which prepareServerData reads), a dir for payloads, and two free ports. */
export type Workspace = { dataDir: string; scratchDir: string; port: number; barePort: number };

export const STATIC_FEED_FILE = path.resolve("public", "bench-feed-static.ics");
const STATIC_FEED_PATH = "/bench-feed-static.ics";
const AGENDA_PATH = `/api/v1/me/agenda?conference=${DEMO_SLUG}`;

async function fetchBytes(url: string, headers: Record<string, string> = {}): Promise<Buffer> {
  const response = await fetch(url, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${body.toString().slice(0, 300)}`);
  return body;
}

const ZAgendaBody = z.object({ sessions: z.array(z.unknown()), conflicts: z.array(z.unknown()) });

function agendaShape(body: Buffer): { sessions: number; conflicts: number } {
  const agenda = ZAgendaBody.parse(JSON.parse(body.toString("utf8")));
  return { sessions: agenda.sessions.length, conflicts: agenda.conflicts.length };
}

/** The app's environment: the embedded database in the workspace (never a DATABASE_URL from the shell). */
function appEnv(workspace: Workspace): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: workspace.dataDir,
    NEXTAUTH_URL: `http://127.0.0.1:${workspace.port}`,
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(workspace.port),
  };
  delete env.DATABASE_URL;
  return env;
}

const fixed = (value: number, digits: number) => Number(value.toFixed(digits));

function loadRows(label: string, result: LoadResult, note: string): BenchResult[] {
  return [
    // One decimal where a rounding step would be a large share of the value.
    { name: `${label} req/s`, value: fixed(result.requestsPerSecond, result.requestsPerSecond < 100 ? 1 : 0), unit: "req/s", note },
    {
      name: `${label} p99 latency`,
      value: result.p99Ms,
      unit: "ms",
      note: `${result.requests} requests completed, ${fixed(result.bytesPerResponse, 0)} B/response incl. headers; one request on the idle server: ${fixed(result.idleMs, 1)} ms`,
    },
  ];
}

function ratioRows(label: string, app: LoadResult, base: LoadResult, note: string): BenchResult[] {
  return [
    { name: `${label} req/s ratio`, value: fixed(app.requestsPerSecond / base.requestsPerSecond, 3), unit: "x", note },
    { name: `${label} p99 ratio`, value: fixed(app.p99Ms / Math.max(base.p99Ms, 1), 2), unit: "x", note: "p99 app / p99 baseline (baseline floored at 1 ms, autocannon's resolution)" },
  ];
}

/**
 * The agenda API and the calendar feed under load on the production build,
 * each next to a baseline of the same bytes: a bare node:http server for the
 * agenda, and the same server's static file handler for the feed.
 */
export async function benchHttp(workspace: Workspace): Promise<BenchResult[]> {
  const data = await prepareServerData();
  const servers: ServerProcess[] = [];
  try {
    // Before `next start`: the static file must exist when the server starts.
    fs.writeFileSync(STATIC_FEED_FILE, data.feedBytes);
    const app = await startServer({
      name: "next start",
      command: process.execPath,
      args: [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(workspace.port)],
      env: appEnv(workspace),
      port: workspace.port,
      probePath: AGENDA_PATH,
    });
    servers.push(app);
    const auth = { authorization: `Bearer ${data.apiToken}` };

    const agendaBytes = await fetchBytes(app.origin + AGENDA_PATH, auth);
    const shape = agendaShape(agendaBytes);
    if (shape.sessions !== data.demoStars || shape.conflicts < 1) {
      throw new Error(`agenda: expected ${data.demoStars} sessions with a conflict, got ${JSON.stringify(shape)}`);
    }
    const served = await fetchBytes(app.origin + data.feedPath);
    if (!served.equals(data.feedBytes) || !(await fetchBytes(app.origin + STATIC_FEED_PATH)).equals(data.feedBytes)) {
      throw new Error(`feed: the server's bytes differ from the in-process ones (${served.length} vs ${data.feedBytes.length} B)`);
    }

    const agenda = await runLoad(app.origin + AGENDA_PATH, auth);
    const feed = await runLoad(app.origin + data.feedPath);
    const staticFeed = await runLoad(app.origin + STATIC_FEED_PATH);
    await app.stop();

    // The bare server runs alone, after the app has stopped, so they never compete for the two cores.
    const payload = path.join(workspace.scratchDir, "agenda.json");
    fs.writeFileSync(payload, agendaBytes);
    const bare = await startServer({
      name: "bare node:http server",
      command: process.execPath,
      args: ["--import", "tsx", path.resolve("bench", "bare-server.ts"), payload, "application/json", String(workspace.barePort)],
      env: process.env,
      port: workspace.barePort,
      probePath: "/",
    });
    servers.push(bare);
    const bareAgenda = await runLoad(bare.origin + AGENDA_PATH);

    const load = `${LOAD.connections} connections for ${LOAD.seconds} s, after ${LOAD.warmupSeconds} s of one-at-a-time warm-up`;
    const feedEvents = FEED_SESSIONS + data.demoStars;
    return [
      ...loadRows("agenda API (next start)", agenda, `GET ${AGENDA_PATH}, Bearer token, ${shape.sessions} starred, ${shape.conflicts} conflict(s), ${agendaBytes.length} B body; ${load}`),
      ...loadRows("agenda bare node:http (baseline)", bareAgenda, `the same ${agendaBytes.length} body bytes from a plain node:http process; ${load}`),
      ...ratioRows("agenda app/bare", agenda, bareAgenda, "same run"),
      ...loadRows("calendar feed (next start)", feed, `GET /calendar/<token>.ics, ${feedEvents} events (${FEED_SESSIONS} generated + ${data.demoStars} demo stars), ${data.feedBytes.length} B body; ${load}`),
      ...loadRows("feed as static file (baseline)", staticFeed, `the same bytes from public/ by the same next start; ${load}`),
      ...ratioRows("feed dynamic/static", feed, staticFeed, "same run, same server"),
    ];
  } catch (error) {
    // A load failure usually means the server failed: say what it printed.
    const reports = servers.map((server) => server.report()).join("\n");
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${reports}`, { cause: error });
  } finally {
    fs.rmSync(STATIC_FEED_FILE, { force: true });
    for (const server of servers) await server.stop();
  }
}
