import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/lib/db/client";
import { importProgram, type ImportResult } from "./import-program";

/** The demo: Kafka Summit New York 2019, laid out on its real day in its real zone. */
export const DEMO_PROGRAM = {
  file: path.resolve(process.cwd(), "seeds", "kafka-summit-ny-2019.txt"),
  date: "2019-04-02",
  timeZone: "America/New_York",
};

/**
 * Loads the demo program into an empty database, once: a database that holds
 * any conference (the demo or the organizer's own) is left as it is.
 */
export async function loadDemoProgramIfEmpty(): Promise<ImportResult | null> {
  const db = await getDb();
  if ((await db.conference.count()) > 0) return null;
  return importProgram({
    text: fs.readFileSync(DEMO_PROGRAM.file, "utf8"),
    fileName: path.basename(DEMO_PROGRAM.file),
    format: "listing",
    date: DEMO_PROGRAM.date,
    timeZone: DEMO_PROGRAM.timeZone,
  });
}
