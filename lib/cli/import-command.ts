import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { importProgram, type ImportRequest } from "@/lib/program/import-program";
import { assertProgramSize } from "@/lib/program/parse-program";
import { PROGRAM_FORMATS } from "@/lib/program/parsed-program";
import { describePlan } from "@/lib/program/describe-plan";
import { createProgressBar } from "./progress-bar";

const ZImportArgs = z.object({
  file: z.string({ error: "give the program file to import: npm run cli -- import FILE" }),
  format: z.enum(["auto", ...PROGRAM_FORMATS], { error: `--format must be one of auto, ${PROGRAM_FORMATS.join(", ")}` }),
  conference: z.string().optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "--date must look like YYYY-MM-DD")
    .optional(),
  timezone: z.string().optional(),
  "dry-run": z.boolean().optional(),
  "day-start": z.string().regex(/^\d{2}:\d{2}$/, "--day-start must look like HH:MM").optional(),
  "session-minutes": z.coerce.number({ error: "--session-minutes must be a number" }).int().min(5).max(480).optional(),
  "break-minutes": z.coerce.number({ error: "--break-minutes must be a number" }).int().min(0).max(240).optional(),
  "lunch-start": z.string().regex(/^\d{2}:\d{2}$/, "--lunch-start must look like HH:MM").optional(),
  "lunch-minutes": z.coerce.number({ error: "--lunch-minutes must be a number" }).int().min(0).max(240).optional(),
});

/** npm run cli -- import FILE [options]: the last line of output is the summary. */
export async function runImportCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "auto" },
      conference: { type: "string" },
      date: { type: "string" },
      timezone: { type: "string" },
      "dry-run": { type: "boolean" },
      "day-start": { type: "string" },
      "session-minutes": { type: "string" },
      "break-minutes": { type: "string" },
      "lunch-start": { type: "string" },
      "lunch-minutes": { type: "string" },
    },
  });
  const parsedArgs = ZImportArgs.safeParse({ ...values, file: positionals[0] });
  if (!parsedArgs.success) throw new AppError("BAD_REQUEST", parsedArgs.error.issues[0]?.message ?? "invalid arguments");
  const args = parsedArgs.data;

  const fileName = path.basename(args.file);
  let size: number;
  try {
    size = fs.statSync(args.file).size;
  } catch {
    throw new AppError("NOT_FOUND", `${args.file}: no such file`);
  }
  assertProgramSize(size, fileName);
  const text = fs.readFileSync(args.file, "utf8");

  const progress = createProgressBar(process.stderr, "importing");
  const result = await importProgram({
    text,
    fileName,
    format: args.format,
    conferenceSlug: args.conference,
    date: args.date,
    timeZone: args.timezone,
    dryRun: args["dry-run"],
    layout: layoutOptions(args),
    onProgress: progress.update,
  });
  progress.done();
  for (const line of describePlan(result.plan, result.conference.timeZone)) console.log(`  ${line}`);
  console.log(
    `${result.conference.isNew ? "new conference" : "conference"} ${result.conference.slug}: ${result.conference.title} (${result.conference.timeZone})`,
  );
  console.log(result.applied ? result.summary : `dry run, nothing written: would have ${result.summary}`);
}

/** Options for laying out a program without times; unset ones keep the layout's defaults. */
function layoutOptions(args: z.infer<typeof ZImportArgs>): ImportRequest["layout"] {
  const lunch =
    args["lunch-minutes"] === 0
      ? { lunch: null }
      : args["lunch-start"] || args["lunch-minutes"]
        ? { lunch: { start: args["lunch-start"] ?? "12:30", minutes: args["lunch-minutes"] ?? 60 } }
        : {};
  return {
    ...(args["day-start"] ? { dayStart: args["day-start"] } : {}),
    ...(args["session-minutes"] !== undefined ? { sessionMinutes: args["session-minutes"] } : {}),
    ...(args["break-minutes"] !== undefined ? { breakMinutes: args["break-minutes"] } : {}),
    ...lunch,
  };
}
