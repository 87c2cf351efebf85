import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

function prepare(env: Record<string, string | undefined>) {
  const clean = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
  return run("npx", ["tsx", "scripts/prepare.ts"], { env: clean }).then(
    (out) => ({ code: 0, stdout: out.stdout, stderr: out.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe("start-up", () => {
  it("refuses to start in production on PostgreSQL without NEXTAUTH_SECRET, saying why", async () => {
    const result = await prepare({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
      NEXTAUTH_SECRET: undefined,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("NEXTAUTH_SECRET is not set");
  }, 60_000);

  it("on an empty embedded database generates and keeps a secret, and loads the demo program once", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "planner-start-"));
    const env = { DATA_DIR: dir, NEXTAUTH_SECRET: undefined, DATABASE_URL: undefined, NODE_ENV: "production" };
    const first = await prepare(env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("loaded the demo program Kafka Summit New York 2019");
    const secret = fs.readFileSync(path.join(dir, "nextauth-secret"), "utf8");
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const second = await prepare(env);
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain("loaded the demo program");
    expect(fs.readFileSync(path.join(dir, "nextauth-secret"), "utf8")).toBe(secret);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
