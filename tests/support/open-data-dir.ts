// Child process for the PGlite lock test: opens the embedded database in the
// directory given as argv[2] and reports what happened on stdout.
import { openDatabase } from "@/lib/db/open-database";

openDatabase({ kind: "pglite", dataDir: process.argv[2] ?? "" }).then(
  async (handle) => {
    console.log("OPENED");
    await handle.close();
  },
  (error: unknown) => {
    console.log(`REFUSED ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
