import { parseError } from "@/lib/program/parse-error";
import type { ProgramFormat } from "@/lib/program/parsed-program";
import { looksLikeIcs } from "@/lib/program/parse-ics";
import { isJsonObject, parseJsonText } from "@/lib/program/parse-json-text";
import { looksLikeSessionize } from "@/lib/program/parse-sessionize";
import { stripBom } from "@/lib/program/source-text";

/**
 * Guesses a program file's format from its content (the extension lies too
 * often: schedule.json vs Sessionize, .txt listings). Each check looks only at
 * what tells the formats apart; the chosen parser does the real validation.
 */
export function detectFormat(text: string, fileName: string): ProgramFormat {
  const body = stripBom(text).trimStart();
  const first = body[0];

  if (first === "<") return "frab-xml";

  let brokenJson = false;
  if (first === "{" || first === "[") {
    let json: unknown;
    try {
      json = JSON.parse(body) as unknown;
    } catch {
      brokenJson = true;
    }
    if (!brokenJson) {
      if (looksLikeSessionize(json)) return "sessionize";
      if (looksLikeScheduleJsonShape(json)) return "schedule-json";
      throw notASchedule(fileName);
    }
    // Broken JSON: pick the parser by the keys in the text so the user gets that
    // parser's error with a line number rather than "not a schedule".
    if (/"sessions"\s*:/.test(body) && /"speakers"\s*:/.test(body) && /"rooms"\s*:/.test(body)) return "sessionize";
    if (/"(?:schedule|conference|events)"\s*:/.test(body)) return "schedule-json";
  }

  if (looksLikeIcs(body)) return "ics";

  if (/^[ \t]*• \S/m.test(body)) return "listing";

  // Text that starts like JSON but is neither JSON nor a listing: the JSON error
  // (with its line) says more than "not a schedule".
  if (brokenJson) parseJsonText(text, fileName);
  throw notASchedule(fileName);
}

/**
 * schedule.json (c3voc) wraps everything in "schedule"; simpler exports put
 * "conference" or an "events" array at the top. Kept local on purpose so this
 * module does not depend on the schedule.json parser.
 */
function looksLikeScheduleJsonShape(value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  return isJsonObject(value.schedule) || isJsonObject(value.conference) || Array.isArray(value.events);
}

function notASchedule(fileName: string) {
  return parseError(
    fileName,
    "not a schedule: expected frab XML, schedule.json, Sessionize JSON, iCalendar or a session listing",
  );
}
