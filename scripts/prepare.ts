// Runs before the app starts (npm start / npm run dev): applies migrations and,
// on an empty database, loads the demo program once. It closes the database
// afterwards, so the server can open an embedded one next.
import { describeTarget, openDatabase } from "@/lib/db/open-database";
import { targetFromEnv, useDbHandle, closeDb } from "@/lib/db/client";
import { loadDemoProgramIfEmpty } from "@/lib/program/load-demo-program";
import { getAuthSecret } from "@/lib/auth/auth-secret";
import { runMain } from "./run-main";

runMain(async () => {
  // Fails fast, before anything else, when production on PostgreSQL lacks NEXTAUTH_SECRET.
  getAuthSecret();
  const target = targetFromEnv();
  const handle = await openDatabase(target);
  useDbHandle(handle);
  try {
    if (handle.applied.length > 0) console.log(`applied migrations to ${describeTarget(target)}: ${handle.applied.join(", ")}`);
    const demo = await loadDemoProgramIfEmpty();
    if (demo) console.log(`loaded the demo program ${demo.conference.title}: ${demo.summary}`);
  } finally {
    await closeDb();
  }
});
