import { AppError } from "@/lib/errors/app-error";
import { detectFormat } from "./detect-format";
import { parseFrabXml } from "./parse-frab-xml";
import { parseIcs } from "./parse-ics";
import { parseListing } from "./parse-listing";
import type { ParsedProgram, ParseOptions, ProgramFormat } from "./parsed-program";
import { parseScheduleJson } from "./parse-schedule-json";
import { parseSessionize } from "./parse-sessionize";

/** Programs larger than this are refused before parsing: real ones are a few MB at most. */
export const MAX_PROGRAM_BYTES = 20 * 1024 * 1024;

const PARSERS: Record<ProgramFormat, (text: string, options: ParseOptions) => ParsedProgram> = {
  listing: parseListing,
  "frab-xml": parseFrabXml,
  "schedule-json": parseScheduleJson,
  sessionize: parseSessionize,
  ics: parseIcs,
};

export function assertProgramSize(bytes: number, fileName: string): void {
  if (bytes > MAX_PROGRAM_BYTES) {
    const mb = (bytes / 1024 / 1024).toFixed(1);
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `${fileName}: the file is ${mb} MB; programs of up to ${MAX_PROGRAM_BYTES / 1024 / 1024} MB can be imported`,
      { file: fileName },
    );
  }
}

/** Parses a program file in the given format, or sniffs the format when it is "auto". */
export function parseProgram(
  text: string,
  options: ParseOptions & { format: ProgramFormat | "auto" },
): ParsedProgram {
  assertProgramSize(Buffer.byteLength(text, "utf8"), options.fileName);
  const format = options.format === "auto" ? detectFormat(text, options.fileName) : options.format;
  return PARSERS[format](text.replace(/^\uFEFF/, ""), options);
}
