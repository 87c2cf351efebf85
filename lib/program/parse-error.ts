import { AppError } from "@/lib/errors/app-error";

/**
 * The error every parser throws for bad input: the message starts with the
 * file name and, where known, the line (1-based) or field, e.g.
 * `schedule.xml: line 12: event 4711 has an invalid date "2019-13-01"`.
 */
export function parseError(
  fileName: string,
  message: string,
  where: { line?: number; field?: string } = {},
): AppError {
  const location = [fileName, where.line !== undefined ? `line ${where.line}` : null, where.field ?? null]
    .filter((part): part is string => part !== null)
    .join(": ");
  return new AppError("INVALID_INPUT", `${location}: ${message}`, { file: fileName, ...where });
}
