import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

const MAX_JSON_BYTES = 256 * 1024;

/** Reads and validates a JSON body; an empty body counts as `{}` so optional bodies work. */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { maxBytes?: number } = {},
): Promise<z.infer<S>> {
  const text = await request.text();
  if (text.length > (options.maxBytes ?? MAX_JSON_BYTES)) throw new AppError("PAYLOAD_TOO_LARGE", "the request body is too large");
  let value: unknown = {};
  if (text.trim() !== "") {
    try {
      value = JSON.parse(text);
    } catch {
      throw new AppError("BAD_REQUEST", "the request body is not valid JSON");
    }
  }
  return schema.parse(value);
}
