import type { z } from "zod";

/** Validates a request's query string against `schema`; empty parameters count as absent. */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const entries = [...new URL(request.url).searchParams].filter(([, value]) => value !== "");
  return schema.parse(Object.fromEntries(entries));
}
