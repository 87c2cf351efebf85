// The planner's command line: npm run cli -- <command> … (see README).
import { runMain } from "../scripts/run-main";
import { runTokenCreateCommand, runUserCreateCommand } from "@/lib/cli/account-commands";
import { runImportCommand } from "@/lib/cli/import-command";
import { closeDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

const USAGE = `usage:
  npm run cli -- import FILE [--format auto|listing|frab-xml|schedule-json|sessionize|ics]
                             [--conference SLUG] [--date YYYY-MM-DD] [--timezone AREA/CITY] [--dry-run]
                             for a program without times: [--day-start HH:MM] [--session-minutes N]
                             [--break-minutes N] [--lunch-start HH:MM] [--lunch-minutes N (0: no lunch)]
  npm run cli -- user create --email E --password P [--name N] [--admin]
  npm run cli -- token create --email E [--name NAME]`;

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  import: runImportCommand,
  "user create": runUserCreateCommand,
  "token create": runTokenCreateCommand,
};

runMain(async () => {
  const [first, second, ...rest] = process.argv.slice(2);
  const key = first && COMMANDS[first] ? first : `${first} ${second}`;
  const command = COMMANDS[key];
  if (!command) throw new AppError("BAD_REQUEST", `unknown command "${[first, second].filter(Boolean).join(" ")}"\n${USAGE}`);
  try {
    await command(key === first ? [second, ...rest].filter((arg): arg is string => arg !== undefined) : rest);
  } finally {
    await closeDb();
  }
});
