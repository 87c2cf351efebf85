// npm run db:migrate: applies pending migrations to the configured database.
import { describeTarget, openDatabase } from "@/lib/db/open-database";
import { targetFromEnv } from "@/lib/db/client";
import { runMain } from "./run-main";

runMain(async () => {
  const target = targetFromEnv();
  const handle = await openDatabase(target);
  await handle.close();
  console.log(
    handle.applied.length > 0
      ? `applied ${handle.applied.length} migration(s) to ${describeTarget(target)}: ${handle.applied.join(", ")}`
      : `${describeTarget(target)} is up to date`,
  );
});
