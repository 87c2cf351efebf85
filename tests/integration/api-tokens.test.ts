import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { GET as exportMe } from "@/app/api/v1/me/export/route";
import { GET as getMe } from "@/app/api/v1/me/route";
import { GET as getSettings } from "@/app/api/v1/me/settings/route";
import { DELETE as revokeToken } from "@/app/api/v1/me/tokens/[id]/route";
import { GET as listTokens, POST as createToken } from "@/app/api/v1/me/tokens/route";
import { deleteAccount } from "@/lib/auth/account";
import { newSecret } from "@/lib/auth/secret-token";
import { getDb, useDbHandle } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/open-database";
import { apiRequest, bearerFor, routeParams, sessionFor, type Credentials } from "../support/api-requests";
import { buildUser } from "../support/builders";
import { uniqueName, useTestDatabase } from "../support/test-database";

const database = useTestDatabase();
const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

type CreatedToken = { id: string; name: string; token: string };
type ListedToken = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

async function createTokenAs(as: Credentials, name: string): Promise<CreatedToken> {
  const response = await createToken(apiRequest("/api/v1/me/tokens", { method: "POST", json: { name }, as }), {});
  expect(response.status).toBe(201);
  const body: CreatedToken = await response.json();
  return body;
}

async function listTokensAs(as: Credentials): Promise<ListedToken[]> {
  const response = await listTokens(apiRequest("/api/v1/me/tokens", { as }), {});
  expect(response.status).toBe(200);
  const body: { tokens: ListedToken[] } = await response.json();
  return body.tokens;
}

async function meStatus(bearer: string): Promise<number> {
  return (await getMe(apiRequest("/api/v1/me", { as: { bearer } }), {})).status;
}

/** The whole stored row as text: whatever column a token might hide in. */
async function storedRowText(tokenId: string): Promise<string> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(t)::text AS row FROM "ApiToken" t WHERE t."id" = ${tokenId}`;
  const row = rows[0]?.row;
  if (row === undefined) throw new Error(`no ApiToken row ${tokenId}`);
  return row;
}

describe("personal API tokens", () => {
  it("are shown once on creation and stored only as a hash", async () => {
    const user = await buildUser();
    const session = await sessionFor(user.id);
    const created = await createTokenAs(session, "laptop script");
    expect(created).toEqual({ id: expect.any(String), name: "laptop script", token: expect.stringMatching(/^pat_[\w-]{20,}$/) });
    const secretPart = created.token.slice("pat_".length);

    const db = await getDb();
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id }, select: { tokenHash: true, userId: true } });
    expect(row.userId).toBe(user.id);
    // SHA-256, as the schema documents: one-way, unlike any encoding of the token.
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    const stored = await storedRowText(created.id);
    expect(stored).not.toContain(created.token);
    expect(stored).not.toContain(secretPart);

    // Never shown again: not in the list, not in the data export.
    const listing = await listTokens(apiRequest("/api/v1/me/tokens", { as: session }), {});
    const listingText = await listing.text();
    expect(listingText).toContain(created.id);
    expect(listingText).not.toContain(secretPart);
    expect(listingText).not.toContain(row.tokenHash);
    const exported = await (await exportMe(apiRequest("/api/v1/me/export", { as: session }), {})).text();
    expect(exported).toContain("laptop script");
    expect(exported).not.toContain(secretPart);
    expect(exported).not.toContain(row.tokenHash);

    // And it works as a bearer for its owner.
    const me = await getMe(apiRequest("/api/v1/me", { as: { bearer: created.token } }), {});
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: user.id, email: user.email });
  });

  it("are listed with their last use, which a bearer call records", async () => {
    const user = await buildUser();
    const session = await sessionFor(user.id);
    const used = await createTokenAs(session, "used");
    const idle = await createTokenAs(session, "idle");
    const before = await listTokensAs(session);
    expect(before.map((token) => token.id).sort()).toEqual([used.id, idle.id].sort());
    for (const token of before) {
      expect(Object.keys(token).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name"]);
      expect(token.lastUsedAt).toBeNull();
    }

    const start = Date.now();
    expect(await meStatus(used.token)).toBe(200);
    const end = Date.now();

    const after = await listTokensAs(session);
    const usedNow = after.find((token) => token.id === used.id);
    const idleNow = after.find((token) => token.id === idle.id);
    expect(usedNow?.lastUsedAt).toEqual(expect.stringMatching(/Z$/));
    const lastUsed = Date.parse(usedNow?.lastUsedAt ?? "");
    // A second of slack for the database clock's rounding.
    expect(lastUsed).toBeGreaterThanOrEqual(start - 1000);
    expect(lastUsed).toBeLessThanOrEqual(end + 1000);
    expect(idleNow?.lastUsedAt).toBeNull();
  });

  it("once revoked answer 401 everywhere, leave the list, and cannot be revoked twice", async () => {
    const user = await buildUser();
    const session = await sessionFor(user.id);
    const token = await createTokenAs(session, "to revoke");
    const bearer: Credentials = { bearer: token.token };
    expect(await meStatus(token.token)).toBe(200);

    const revoked = await revokeToken(apiRequest(`/api/v1/me/tokens/${token.id}`, { method: "DELETE", as: session }), routeParams({ id: token.id }));
    expect(revoked.status).toBe(204);

    const calls: Array<[string, Promise<Response>]> = [
      ["GET /me", getMe(apiRequest("/api/v1/me", { as: bearer }), {})],
      ["GET /me/tokens", listTokens(apiRequest("/api/v1/me/tokens", { as: bearer }), {})],
      ["POST /me/tokens", createToken(apiRequest("/api/v1/me/tokens", { method: "POST", json: { name: "x" }, as: bearer }), {})],
      ["GET /me/export", exportMe(apiRequest("/api/v1/me/export", { as: bearer }), {})],
      ["GET /me/settings", getSettings(apiRequest("/api/v1/me/settings", { as: bearer }), {})],
    ];
    for (const [label, call] of calls) {
      const response = await call;
      expect({ label, status: response.status }).toEqual({ label, status: 401 });
      expect(await response.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
    }
    // The refused POST created nothing.
    expect(await listTokensAs(session)).toEqual([]);

    const again = await revokeToken(apiRequest(`/api/v1/me/tokens/${token.id}`, { method: "DELETE", as: session }), routeParams({ id: token.id }));
    expect(again.status).toBe(404);
  });

  it("cannot be revoked by another user: 404, and the token keeps working", async () => {
    const owner = await buildUser();
    const other = await buildUser();
    const token = await createTokenAs(await sessionFor(owner.id), "owner's");
    for (const as of [await sessionFor(other.id), await bearerFor(other.id)]) {
      const response = await revokeToken(apiRequest(`/api/v1/me/tokens/${token.id}`, { method: "DELETE", as }), routeParams({ id: token.id }));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
    }
    const db = await getDb();
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: token.id }, select: { revokedAt: true } })).toEqual({ revokedAt: null });
    const me = await getMe(apiRequest("/api/v1/me", { as: { bearer: token.token } }), {});
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: owner.id });
  });

  it("an unknown or malformed token is 401, and is not replaced by a valid session cookie", async () => {
    const user = await buildUser();
    const cookie = await sessionFor(user.id);
    if (!cookie || !("cookie" in cookie)) throw new Error("sessionFor gives a cookie");
    const cases: Array<[string, Record<string, string>]> = [
      ["never issued", { authorization: `Bearer ${newSecret("pat")}` }],
      ["not a bearer", { authorization: "Basic dXNlcjpwYXNz" }],
      ["empty bearer", { authorization: "Bearer " }],
      ["never issued, with a valid cookie", { authorization: `Bearer ${newSecret("pat")}`, cookie: cookie.cookie }],
    ];
    for (const [label, headers] of cases) {
      const response = await getMe(apiRequest("/api/v1/me", { headers }), {});
      expect({ label, status: response.status }).toEqual({ label, status: 401 });
      expect(await response.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
    }
  });

  it("stop working when their account is deleted", async () => {
    const user = await buildUser();
    const { token } = await createTokenAs(await sessionFor(user.id), "outlives nothing");
    expect(await meStatus(token)).toBe(200);
    await deleteAccount(user.id);
    expect(await meStatus(token)).toBe(401);
  });
});

describe("npm run cli -- token create", () => {
  /**
   * The CLI runs as its own process with its own embedded database (an
   * in-memory PGlite cannot be shared with a child), so the whole path
   * runs on any machine: create the user, create the token, then open the
   * CLI's database here and call the API with the printed token.
   */
  async function cli(dataDir: string, ...args: string[]): Promise<string> {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const { stdout } = await run(path.join(ROOT, "node_modules/.bin/tsx"), ["bin/cli.ts", ...args], { cwd: ROOT, env });
    return stdout;
  }

  // Two child processes each start tsx and open an embedded database: slow, so a longer timeout.
  it("prints the token alone on the last line, and it works as a bearer", { timeout: 180_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "planner-cli-token-"));
    const email = `${uniqueName("cli")}@example.org`;
    try {
      await cli(dataDir, "user", "create", "--email", email, "--password", "a long cli passphrase");
      const output = await cli(dataDir, "token", "create", "--email", email);
      const lines = output.split("\n").filter((line) => line !== "");
      const token = lines.at(-1) ?? "";
      expect(token).toMatch(/^pat_[\w-]{20,}$/);
      // Nothing but the token on that line, so `| tail -n 1` is the token.
      expect(lines.at(-1)).toBe(token.trim());
      expect(lines.slice(0, -1).join("\n")).not.toContain(token);

      const cliDatabase = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "db") });
      try {
        useDbHandle(cliDatabase);
        const me = await getMe(apiRequest("/api/v1/me", { as: { bearer: token } }), {});
        expect(me.status).toBe(200);
        expect(await me.json()).toMatchObject({ email });
        const [row] = await cliDatabase.db.apiToken.findMany({ where: { user: { email } }, select: { tokenHash: true } });
        expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      } finally {
        useDbHandle(database.handle());
        await cliDatabase.close();
      }
      // The token belongs to the CLI's database only: here it is unknown.
      expect(await meStatus(token)).toBe(401);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
