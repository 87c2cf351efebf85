import { z } from "zod";

/**
 * Inputs the sharing routes share. Ids are opaque (cuid); the bounds only
 * keep absurd values from reaching the database.
 */
export const ZId = z.string().trim().min(1, "the id is empty").max(100, "the id is too long");

export const ZTeamParams = z.object({ id: ZId });

export const ZConferenceSlug = z
  .string({ error: "name the conference by its slug" })
  .trim()
  .min(1, "name the conference by its slug")
  .max(200, "the conference slug is too long");

/** `?conference=slug` in a query, or `{ conference: slug }` in a body. */
export const ZConferenceQuery = z.object({ conference: ZConferenceSlug });

export { readQuery } from "@/lib/api/read-query";
