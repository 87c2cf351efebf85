import fs from "node:fs";
import path from "node:path";

/**
 * PGlite is one process per data directory: a second process writing the same
 * files would corrupt them. A lock file holding the owner's pid keeps a second
 * process out with a clear error; a lock left by a dead process is taken over.
 */
export class DataDirInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is already open in another process (pid ${pid}). ` +
        `Stop that process first, or set DATABASE_URL to use a PostgreSQL server, which many processes can share.`,
    );
    this.name = "DataDirInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock for `dir` or throws DataDirInUseError. Returns the release function. */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, "postmaster.lock.planner");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => {
        let owner: string;
        try {
          owner = fs.readFileSync(lockPath, "utf8");
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
          throw error;
        }
        if (owner === String(process.pid)) fs.rmSync(lockPath, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(fs.readFileSync(lockPath, "utf8"), 10);
      if (owner === process.pid) throw new Error(`The embedded database in ${dir} is already open in this process.`);
      if (Number.isFinite(owner) && isAlive(owner)) throw new DataDirInUseError(dir, owner);
      // Stale lock from a crashed process: remove it and try again.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database directory ${dir}.`);
}
