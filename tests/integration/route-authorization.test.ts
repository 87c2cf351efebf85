import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { endAllSessions } from "@/lib/auth/session-version";
import { getDb } from "@/lib/db/client";
import { apiRequest, bearerFor, routeParams, sessionFor, type Credentials } from "../support/api-requests";
import { buildUser } from "../support/builders";
import { useTestDatabase } from "../support/test-database";
import type { HttpMethod, PreparedCall, ProtectedRouteCase, RouteCase, RouteOwner } from "./authorization/route-case";

/**
 * The authorization matrix: every method of every /api/v1 route, read from
 * disk, must have a case in tests/integration/authorization/ (see
 * route-case.ts for what a case is and what is checked for it).
 */

useTestDatabase();

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const API_DIR = path.join(ROOT, "app/api/v1");
const CASES_DIR = fileURLToPath(new URL("./authorization", import.meta.url));
const METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

type RouteFile = { route: string; file: string; methods: HttpMethod[] };

function isMethod(name: string): name is HttpMethod {
  return METHODS.some((method) => method === name);
}

/** The HTTP methods a route file exports, by any of the ways Next.js accepts. */
function exportedMethods(source: string): HttpMethod[] {
  const found = new Set<HttpMethod>();
  for (const match of source.matchAll(/export\s+(?:const|let|var|(?:async\s+)?function)\s+([A-Z]+)\b/g)) {
    if (match[1] && isMethod(match[1])) found.add(match[1]);
  }
  for (const list of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const item of (list[1] ?? "").split(",")) {
      const name = item.trim().split(/\s+as\s+/).at(-1)?.trim() ?? "";
      if (isMethod(name)) found.add(name);
    }
  }
  return METHODS.filter((method) => found.has(method));
}

function routeFiles(): RouteFile[] {
  return fs
    .readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
    .filter((entry) => path.basename(entry) === "route.ts")
    .map((entry) => {
      const file = path.join(API_DIR, entry);
      const route = path.dirname(entry).split(path.sep).join("/");
      return { route, file, methods: exportedMethods(fs.readFileSync(file, "utf8")) };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

async function loadCases(): Promise<RouteCase[]> {
  const files = fs
    .readdirSync(CASES_DIR)
    .filter((name) => name.endsWith(".ts") && name !== "route-case.ts")
    .sort();
  const cases: RouteCase[] = [];
  for (const name of files) {
    const module: { routeCases?: RouteCase[] } = await import(/* @vite-ignore */ path.join(CASES_DIR, name));
    if (!Array.isArray(module.routeCases)) {
      throw new Error(`tests/integration/authorization/${name} must export \`routeCases: RouteCase[]\``);
    }
    cases.push(...module.routeCases);
  }
  return cases;
}

const ROUTES = routeFiles();
const CASES = await loadCases();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function isHandler(value: unknown): value is Handler {
  return typeof value === "function";
}

async function handlerFor(routeCase: RouteCase): Promise<Handler> {
  const file = ROUTES.find((candidate) => candidate.route === routeCase.route)?.file;
  if (!file) throw new Error(`no app/api/v1/${routeCase.route}/route.ts`);
  const module: Record<string, unknown> = await import(/* @vite-ignore */ file);
  const handler = module[routeCase.method];
  if (!isHandler(handler)) throw new Error(`app/api/v1/${routeCase.route}/route.ts exports no ${routeCase.method} handler`);
  return handler;
}

/** The URL path for a route with its dynamic segments filled in from `params`. */
function pathOf(route: string, call: PreparedCall): string {
  const filled = route.replace(/\[([^\]]+)\]/g, (_segment, name: string) => {
    const value = call.params?.[name];
    if (value === undefined) throw new Error(`prepare() for ${route} gave no params.${name}`);
    return encodeURIComponent(value);
  });
  const query = call.query ? `?${new URLSearchParams(call.query).toString()}` : "";
  return `/api/v1/${filled}${query}`;
}

async function callAs(routeCase: RouteCase, call: PreparedCall, as: Credentials): Promise<Response> {
  const handler = await handlerFor(routeCase);
  const request = apiRequest(pathOf(routeCase.route, call), {
    method: routeCase.method,
    json: call.body,
    as,
  });
  return handler(request, routeParams(call.params ?? {}));
}

/** A fresh owner, as the cases are told: buildUser's id and email. */
async function newOwner(): Promise<RouteOwner> {
  const user = await buildUser();
  return { id: user.id, email: user.email };
}

/**
 * Everything stored as the owner's: the User row and every row of every table
 * whose "userId", "ownerId" or "createdById" is the owner, found from the
 * catalog so tables added later are covered without touching this file.
 */
async function storedState(owner: RouteOwner): Promise<Record<string, string[]>> {
  const db = await getDb();
  const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name IN ('userId', 'ownerId', 'createdById')
    ORDER BY table_name, column_name`;
  const state: Record<string, string[]> = {};
  const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
  const targets = [{ table_name: "User", column_name: "id" }, ...columns];
  for (const { table_name, column_name } of targets) {
    const rows = await db.$queryRawUnsafe<{ row: string }[]>(
      `SELECT row_to_json(t)::text AS row FROM ${quote(table_name)} t WHERE ${quote(column_name)} = $1`,
      owner.id,
    );
    state[`${table_name}.${column_name}`] = rows.map((row) => row.row).sort();
  }
  return state;
}

async function ownerSnapshot(routeCase: ProtectedRouteCase, owner: RouteOwner, call: PreparedCall) {
  return { stored: await storedState(owner), extra: routeCase.ownerState ? await routeCase.ownerState(owner, call) : null };
}

function label(routeCase: RouteCase): string {
  return `${routeCase.method} /api/v1/${routeCase.route}`;
}

async function expectUnauthenticated(response: Response, who: string): Promise<void> {
  expect({ who, status: response.status }).toEqual({ who, status: 401 });
  expect(await response.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
}

async function expectSuccess(response: Response, who: string): Promise<void> {
  const detail = response.ok ? "" : await response.text();
  expect({ who, ok: response.ok, status: response.status, detail }).toEqual({ who, ok: true, status: response.status, detail: "" });
}

describe("authorization matrix", () => {
  it("has a case for every method of every /api/v1 route, and none for a route or method that does not exist", () => {
    const covered = new Set(CASES.map((routeCase) => `${routeCase.method} ${routeCase.route}`));
    const onDisk = new Set(ROUTES.flatMap((route) => route.methods.map((method) => `${method} ${route.route}`)));
    const uncovered = ROUTES.flatMap((route) =>
      route.methods
        .filter((method) => !covered.has(`${method} ${route.route}`))
        .map((method) => `${method} ${route.route}`),
    );
    const stale = [...covered].filter((key) => !onDisk.has(key));
    expect(
      uncovered,
      `${uncovered.length} "METHOD route" pair(s) of app/api/v1 have no authorization case: add them to a file in tests/integration/authorization/ (see route-case.ts)`,
    ).toEqual([]);
    expect(stale, "authorization cases for a route or method that does not exist").toEqual([]);
  });

  it("finds the routes it is checking (the enumeration itself works)", () => {
    const me = ROUTES.find((route) => route.route === "me");
    expect(me?.methods).toEqual(["GET", "PATCH", "DELETE"]);
    expect(ROUTES.find((route) => route.route === "me/tokens/[id]")?.methods).toEqual(["DELETE"]);
  });

  const protectedCases = CASES.filter((routeCase): routeCase is ProtectedRouteCase => routeCase.public !== true);
  const publicCases = CASES.filter((routeCase) => routeCase.public === true);

  describe.each(protectedCases.map((routeCase) => [label(routeCase), routeCase] as const))("%s", (_name, routeCase) => {
    it(`refuses anonymous, revoked-token and signed-out callers (401), gives another user ${routeCase.otherUserStatus} without touching the owner's data, and serves the owner's session`, async () => {
      const owner = await newOwner();
      const call = await routeCase.prepare(owner);
      const revoked = await createApiToken(owner.id, "revoked before the call");
      await revokeApiToken(owner.id, revoked.id);
      const signedOut = await sessionFor(owner.id);
      await endAllSessions(owner.id);
      const before = await ownerSnapshot(routeCase, owner, call);

      await expectUnauthenticated(await callAs(routeCase, call, null), "anonymous");
      await expectUnauthenticated(await callAs(routeCase, call, { bearer: revoked.token }), "owner's revoked token");
      await expectUnauthenticated(await callAs(routeCase, call, signedOut), "owner's session ended by sign-out-everywhere");

      const other = await buildUser();
      const asOther = await callAs(routeCase, call, await sessionFor(other.id));
      const otherText = await asOther.text();
      expect({ who: "another user", status: asOther.status, body: otherText }).toEqual({
        who: "another user",
        status: routeCase.otherUserStatus,
        body: otherText,
      });
      for (const secret of [owner.id, owner.email, ...(call.ownerOnly ?? [])]) {
        expect(otherText, `another user's response contains the owner's "${secret}"`).not.toContain(secret);
      }
      expect(await ownerSnapshot(routeCase, owner, call), "the owner's data changed").toEqual(before);

      await expectSuccess(await callAs(routeCase, call, await sessionFor(owner.id)), "owner's session");
    });

    it("serves the owner's API token", async () => {
      const owner = await newOwner();
      const call = await routeCase.prepare(owner);
      await expectSuccess(await callAs(routeCase, call, await bearerFor(owner.id)), "owner's token");
    });
  });

  describe.each(publicCases.map((routeCase) => [label(routeCase), routeCase] as const))("%s (public)", (_name, routeCase) => {
    it("answers without credentials", async () => {
      const call = await routeCase.prepare(await newOwner());
      await expectSuccess(await callAs(routeCase, call, null), "anonymous");
    });
  });
});
