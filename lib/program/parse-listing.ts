import { parseError } from "@/lib/program/parse-error";
import type { ParseOptions, ParsedProgram, ParsedSession, ParsedSpeaker } from "@/lib/program/parsed-program";
import { kebabCase } from "@/lib/program/slugify";
import { shorten, stripBom } from "@/lib/program/source-text";

/**
 * The "listing" format: a conference sessions page saved as plain text (the
 * demo seed is seeds/kafka-summit-ny-2019.txt). It has no times or rooms, so
 * every session comes out with start/end/room null; lay-out-timetable.ts
 * places them afterwards.
 *
 * Shape, as far as the parser relies on it:
 *
 *   <banner … | Learn More>          optional, dropped
 *   <event title>
 *   <subtitle>                       optional
 *   <track heading>                  optional, before the first session
 *   <session title>                  a session: title, speakers, abstract
 *     • Name, Organization
 *   <abstract paragraphs …>
 *   <track heading>                  a one-line block right before a title
 *   <session title> …
 *
 * Decisions worth knowing:
 * - Keynotes (title starting "Keynote:") get kind "keynote" and track null,
 *   wherever they appear; their title keeps the "Keynote: " prefix because
 *   that is how the page names them and the externalId is derived from it.
 * - Every other session is a "talk" in the most recent track heading (null
 *   before the first heading).
 * - Two sessions with the same normalized title are an error: the externalId
 *   is the normalized title, and a re-import could not tell them apart.
 */

type Line = {
  /** Right-trimmed; leading indentation kept because it marks speaker lines. */
  text: string;
  /** 1-based line number in the original file, for error messages. */
  number: number;
};

// Speaker lines are the only indented bullets on the page; abstracts put
// their own bullets at column 0, which keeps the two apart.
const SPEAKER_LINE = /^[ \t]+•[ \t]+(\S.*)$/u;
const BANNER_MARK = "| Learn More";
const KEYNOTE_TITLE = /^keynote:\s/iu;
// A line opening a list item is abstract text, never a title or heading.
const LIST_ITEM = /^(?:[•*\-–—]\s*|\d+[.)]\s)/u;
// Headings are short labels ("Core Kafka"); a line ending like a sentence or
// introducing a list belongs to an abstract.
const HEADING_MAX_LENGTH = 80;
const SENTENCE_END = /[.:;,!?]$/u;
// C0 controls other than tab/LF/CR (and DEL) do not occur in a saved web
// page; finding one means the upload is not a text listing at all.
const BINARY_CHAR = /[\u0000-\u0008\u000B-\u000C\u000E-\u001F\u007F]/u;

function splitLines(text: string): Line[] {
  return stripBom(text).split(/\r\n|\r|\n/u).map((raw, index) => ({ text: raw.trimEnd(), number: index + 1 }));
}

function isBlank(line: Line): boolean {
  return line.text === "";
}

function isIndented(line: Line): boolean {
  return /^\s/u.test(line.text);
}

function isSpeakerLine(line: Line): boolean {
  return SPEAKER_LINE.test(line.text);
}

/** Could this line be a session title, judged by the line alone? */
function isTitleShaped(line: Line): boolean {
  return !isBlank(line) && !isIndented(line) && !line.text.endsWith(":") && !LIST_ITEM.test(line.text);
}

function isHeadingShaped(line: Line): boolean {
  return (
    !isBlank(line) &&
    !isIndented(line) &&
    line.text.length <= HEADING_MAX_LENGTH &&
    !SENTENCE_END.test(line.text) &&
    !LIST_ITEM.test(line.text)
  );
}

/** Index of the first non-blank line at or after `from`, or -1. */
function nextNonBlank(lines: readonly Line[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (line !== undefined && !isBlank(line)) return i;
  }
  return -1;
}

/** Indices of session title lines: title-shaped, next non-blank line is a speaker. */
function findTitles(lines: readonly Line[]): number[] {
  const titles: number[] = [];
  lines.forEach((line, index) => {
    if (!isTitleShaped(line)) return;
    const next = lines[nextNonBlank(lines, index + 1)];
    if (next !== undefined && isSpeakerLine(next)) titles.push(index);
  });
  return titles;
}

/** Splits lines into blank-line separated blocks (paragraphs). */
function toBlocks(lines: readonly Line[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (isBlank(line)) {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/**
 * Lowercase, every run of characters other than letters and digits turned
 * into one "-", ends trimmed. Diacritics are dropped so that a re-import of
 * the same page with differently composed accents still matches.
 */
export function normalizeListingTitle(title: string): string {
  return kebabCase(title);
}

function parseSpeaker(line: Line, fileName: string): ParsedSpeaker {
  const match = SPEAKER_LINE.exec(line.text);
  const rest = match?.[1] ?? "";
  // Split at the first comma: a person's name here never contains one, while
  // an organization may ("Acme, Inc.").
  const comma = rest.indexOf(",");
  const name = (comma < 0 ? rest : rest.slice(0, comma)).trim();
  const organization = comma < 0 ? "" : rest.slice(comma + 1).trim();
  if (name === "") {
    throw parseError(fileName, `speaker line has no name: "${line.text.trim()}"`, { line: line.number });
  }
  return { name, organization: organization === "" ? null : organization };
}

/** Cheap check for format auto-detection: an indented "•" line right after a title-like line. */
export function looksLikeListing(text: string): boolean {
  if (BINARY_CHAR.test(text)) return false;
  let previous: Line | undefined;
  for (const line of splitLines(text)) {
    if (isBlank(line)) continue;
    if (isSpeakerLine(line) && previous !== undefined && isTitleShaped(previous)) return true;
    previous = line;
  }
  return false;
}

type Preamble = {
  title: string;
  subtitle: string | null;
  heading: string | null;
};

/** Event title, subtitle and an optional first track heading, from the lines before the first session. */
function parsePreamble(lines: readonly Line[], firstTitle: Line, fileName: string): Preamble {
  const nonBlank = lines.filter((line) => !isBlank(line));
  const first = nonBlank[0];
  const content = first !== undefined && first.text.includes(BANNER_MARK) ? nonBlank.slice(1) : nonBlank;
  const [title, subtitle, heading, extra] = content;
  if (title === undefined) {
    throw parseError(fileName, "no event title before the first session (a listing starts with the event title)", {
      line: firstTitle.number,
    });
  }
  if (extra !== undefined) {
    throw parseError(
      fileName,
      `unexpected text before the first session (expected only the event title, a subtitle and a track heading): "${shorten(extra.text.trim())}"`,
      { line: extra.number },
    );
  }
  if (heading !== undefined && !isHeadingShaped(heading)) {
    throw parseError(fileName, `expected a track heading before the first session, found "${shorten(heading.text.trim())}"`, {
      line: heading.number,
    });
  }
  return {
    title: title.text.trim(),
    subtitle: subtitle === undefined ? null : subtitle.text.trim(),
    heading: heading === undefined ? null : heading.text.trim(),
  };
}

export function parseListing(text: string, options: ParseOptions): ParsedProgram {
  const { fileName } = options;
  const lines = splitLines(text);

  const binaryLine = lines.find((line) => BINARY_CHAR.test(line.text));
  if (binaryLine !== undefined) {
    throw parseError(fileName, "does not look like a text listing (it contains binary data)", { line: binaryLine.number });
  }

  const titles = findTitles(lines);
  const firstTitleIndex = titles[0];
  const firstTitle = firstTitleIndex === undefined ? undefined : lines[firstTitleIndex];
  if (firstTitleIndex === undefined || firstTitle === undefined) {
    throw parseError(
      fileName,
      'does not look like a sessions listing: no session found (a session is a title line followed by "  • Name, Organization" speaker lines)',
    );
  }

  const preamble = parsePreamble(lines.slice(0, firstTitleIndex), firstTitle, fileName);
  let track = preamble.heading;
  const sessions: ParsedSession[] = [];
  const titleLineById = new Map<string, number>();

  titles.forEach((titleIndex, k) => {
    const titleLine = lines[titleIndex];
    if (titleLine === undefined) return;
    const end = titles[k + 1] ?? lines.length;
    const hasNextSession = k + 1 < titles.length;

    const speakers: ParsedSpeaker[] = [];
    let cursor = titleIndex + 1;
    for (;;) {
      const next = nextNonBlank(lines, cursor);
      const line = lines[next];
      if (next < 0 || next >= end || line === undefined || !isSpeakerLine(line)) break;
      speakers.push(parseSpeaker(line, fileName));
      cursor = next + 1;
    }

    const blocks = toBlocks(lines.slice(cursor, end));
    // A one-line block right before the next title is that title's track heading,
    // not the end of this abstract.
    const last = blocks[blocks.length - 1];
    let nextTrack = track;
    if (hasNextSession && last !== undefined && last.length === 1 && last[0] !== undefined && isHeadingShaped(last[0])) {
      nextTrack = last[0].text.trim();
      blocks.pop();
    }

    const title = titleLine.text.trim();
    const externalId = normalizeListingTitle(title);
    if (externalId === "") {
      throw parseError(fileName, `session title "${shorten(title)}" has no letters or digits`, { line: titleLine.number });
    }
    const earlier = titleLineById.get(externalId);
    if (earlier !== undefined) {
      throw parseError(
        fileName,
        `session "${shorten(title)}" has the same title as the session on line ${earlier}; titles identify sessions in a listing`,
        { line: titleLine.number },
      );
    }
    titleLineById.set(externalId, titleLine.number);

    const isKeynote = KEYNOTE_TITLE.test(title);
    sessions.push({
      externalId,
      title,
      abstract: blocks.map((block) => block.map((line) => line.text).join("\n")).join("\n\n"),
      start: null,
      end: null,
      room: null,
      track: isKeynote ? null : track,
      kind: isKeynote ? "keynote" : "talk",
      speakers,
      url: null,
    });
    track = nextTrack;
  });

  return {
    format: "listing",
    conference: { title: preamble.title, subtitle: preamble.subtitle, acronym: null, timeZone: null },
    sessions,
  };
}
