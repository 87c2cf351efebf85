import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "planner-cli-"));

/** Runs the CLI as a user would, on an embedded database of its own. */
function cli(...args: string[]) {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" };
  return run("npx", ["tsx", "bin/cli.ts", ...args], { env }).then(
    (out) => ({ code: 0, stdout: out.stdout, stderr: out.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}
const lastLine = (text: string) => text.trim().split("\n").at(-1);

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("npm run cli -- import", () => {
  it("imports, re-imports unchanged, and refuses bad input with a non-zero exit and nothing written", async () => {
    const first = await cli("import", "tests/fixtures/frab-schedule.xml");
    expect(first.code).toBe(0);
    expect(lastLine(first.stdout)).toMatch(/^imported 10 sessions \(created 10, updated 0, unchanged 0, cancelled 0\)$/);

    const again = await cli("import", "tests/fixtures/frab-schedule.xml", "--format", "frab-xml");
    expect(lastLine(again.stdout)).toBe("imported 10 sessions (created 0, updated 0, unchanged 10, cancelled 0)");

    const broken = path.join(dataDir, "broken.xml");
    fs.writeFileSync(broken, fs.readFileSync("tests/fixtures/frab-schedule.xml", "utf8").replace(/<date>2019-03-30T/, "<date>2019-13-30T"));
    const refused = await cli("import", broken);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: broken\.xml: line \d+/m);

    const missing = await cli("import", "no-such-file.xml");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no-such-file.xml: no such file");

    const badZone = await cli("import", "tests/fixtures/frab-schedule.xml", "--timezone", "Mars/Olympus");
    expect(badZone.code).toBe(1);
    expect(badZone.stderr).toContain('unknown time zone "Mars/Olympus"');

    // Nothing was written by the refused runs.
    const after = await cli("import", "tests/fixtures/frab-schedule.xml");
    expect(lastLine(after.stdout)).toBe("imported 10 sessions (created 0, updated 0, unchanged 10, cancelled 0)");
  }, 180_000);
});
