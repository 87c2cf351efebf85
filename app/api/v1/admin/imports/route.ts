import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/respond";
import { requireAdmin } from "@/lib/auth/resolve-caller";
import { AppError } from "@/lib/errors/app-error";
import { describePlan } from "@/lib/program/describe-plan";
import { importProgram } from "@/lib/program/import-program";
import { MAX_PROGRAM_BYTES, assertProgramSize } from "@/lib/program/parse-program";
import { PROGRAM_FORMATS } from "@/lib/program/parsed-program";

const optional = (schema: z.ZodString) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const ZImportForm = z.object({
  format: z.enum(["auto", ...PROGRAM_FORMATS]).default("auto"),
  conference: optional(z.string().trim()),
  date: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date must look like YYYY-MM-DD")),
  timezone: optional(z.string().trim()),
  dryRun: z.enum(["true", "false"]).default("true"),
});

/** The same import as JSON, for scripts: the file's text travels in the body. */
const ZImportJson = ZImportForm.extend({
  fileName: z.string().trim().min(1).max(200),
  text: z.string(),
  dryRun: z.boolean().default(true).transform(String).pipe(z.enum(["true", "false"])),
});

async function readUpload(request: Request): Promise<{ text: string; fileName: string; options: z.infer<typeof ZImportForm> }> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_PROGRAM_BYTES + 64 * 1024) assertProgramSize(length, "the upload");
  if (request.headers.get("content-type")?.startsWith("application/json")) {
    const { fileName, text, ...options } = await readJson(request, ZImportJson, { maxBytes: MAX_PROGRAM_BYTES + 64 * 1024 });
    return { text, fileName, options };
  }
  const form = await request.formData();
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("BAD_REQUEST", "choose a program file to import");
  assertProgramSize(file.size, file.name);
  const options = ZImportForm.parse(Object.fromEntries([...form.entries()].filter(([key]) => key !== "file")));
  return { text: await file.text(), fileName: file.name, options };
}

/**
 * The upload page's import (admins only): a multipart form with the file and
 * the CLI's options, or the same as JSON. With dryRun (the default) it only previews the change.
 */
export const POST = apiRoute(async (request) => {
  await requireAdmin(request);
  const { text, fileName, options } = await readUpload(request);
  const result = await importProgram({
    text,
    fileName,
    format: options.format,
    conferenceSlug: options.conference,
    date: options.date,
    timeZone: options.timezone,
    dryRun: options.dryRun === "true",
  });
  return NextResponse.json({
    applied: result.applied,
    conference: result.conference,
    counts: result.plan.counts,
    summary: result.summary,
    changes: describePlan(result.plan, result.conference.timeZone),
  });
});
