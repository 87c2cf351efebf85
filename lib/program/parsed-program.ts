import { z } from "zod";

/**
 * What every schedule parser produces: a format-neutral program that the
 * importer (lib/program/import-program.ts) writes to the database.
 * Parsers are pure (no database); they throw AppError('INVALID_INPUT', …)
 * naming the file and the line or field that was wrong.
 */
export const PROGRAM_FORMATS = ["listing", "frab-xml", "schedule-json", "sessionize", "ics"] as const;
export const ZProgramFormat = z.enum(PROGRAM_FORMATS);
export type ProgramFormat = z.infer<typeof ZProgramFormat>;

export const ZParsedSpeaker = z.object({
  name: z.string().min(1),
  organization: z.string().min(1).nullable(),
});
export type ParsedSpeaker = z.infer<typeof ZParsedSpeaker>;

export const ZParsedSession = z.object({
  /** Stable id from the source (guid, id, UID); for the listing, a normalized title. */
  externalId: z.string().min(1),
  title: z.string().min(1),
  /** Plain text or light Markdown; paragraphs separated by blank lines. */
  abstract: z.string(),
  /** UTC instants. Null only for sources without times (the listing) before layout. */
  start: z.date().nullable(),
  end: z.date().nullable(),
  room: z.string().min(1).nullable(),
  track: z.string().min(1).nullable(),
  /** e.g. "talk", "keynote", "workshop", "lightning". */
  kind: z.string().min(1),
  speakers: z.array(ZParsedSpeaker),
  url: z.string().nullable(),
});
export type ParsedSession = z.infer<typeof ZParsedSession>;

export const ZParsedProgram = z.object({
  format: ZProgramFormat,
  conference: z.object({
    title: z.string().min(1),
    subtitle: z.string().nullable(),
    /** Short name from the source (frab acronym, c3voc acronym), if any. */
    acronym: z.string().nullable(),
    /** IANA zone named by the source, if it names one. */
    timeZone: z.string().nullable(),
  }),
  sessions: z.array(ZParsedSession),
});
export type ParsedProgram = z.infer<typeof ZParsedProgram>;

/** Options every parser takes. */
export type ParseOptions = {
  /** Shown in every error message, e.g. "schedule.xml". */
  fileName: string;
  /** IANA zone to read zone-less times in (Sessionize, floating iCalendar times). */
  timeZone?: string;
};
