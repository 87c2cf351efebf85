// Runs before the app starts (npm start / npm run dev): applies migrations and,
// on an empty database, loads the demo program once. It closes the database
// afterwards, so the server can open an embedded one next.
import { describeTarget, openDatabase } from "@/lib/db/open-database";
import { targetFromEnv, useDbHandle, closeDb } from "@/lib/db/client";
import { runMain } from "./run-main";

runMain(async () => {
  const target = targetFromEnv();
  const handle = await openDatabase(target);
  useDbHandle(handle);
  try {
    if (handle.applied.length > 0) console.log(`applied migrations to ${describeTarget(target)}: ${handle.applied.join(", ")}`);
  } finally {
    await closeDb();
  }
});
