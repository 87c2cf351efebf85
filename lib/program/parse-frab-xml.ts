import { XMLParser, XMLValidator, type EntityDecoderOptions } from "fast-xml-parser";
import { frabKind, joinFrabAbstract, resolveFrabEventTimes, resolveFrabTimeZone } from "@/lib/program/frab-event";
import { parseError } from "@/lib/program/parse-error";
import type { ParseOptions, ParsedProgram, ParsedSession, ParsedSpeaker } from "@/lib/program/parsed-program";
import { lineAt, nonBlank, quoteValue, stripBom } from "@/lib/program/source-text";

/**
 * frab / Pentabarf schedule XML, as frab and pretalx export it:
 * <schedule><conference/><day><room><event/></room></day></schedule>.
 * The event rules (times, texts, kinds) are frab's, shared with the c3voc
 * schedule.json parser through frab-event.ts.
 */

const ATTRIBUTES = "@";
const TEXT = "#text";
// The library's typings declare the wrapper type Symbol; at run time it is a
// symbol, and only then can it key the metadata that gives element positions.
const METADATA_KEY: unknown = XMLParser.getMetaDataSymbol();
const METADATA = typeof METADATA_KEY === "symbol" ? METADATA_KEY : null;

type XmlNode = Record<string, unknown>;

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Decodes entities in one pass, so "&amp;#228;" stays the literal "&#228;"
 * and entities declared in a DOCTYPE cannot expand into further entities.
 * Numeric character references are decoded too (the library's default
 * decoder leaves them alone unless HTML entities are switched on).
 */
function createEntityDecoder(): EntityDecoderOptions {
  let declared = new Map<string, string>();
  return {
    setExternalEntities: () => undefined,
    addInputEntities: (entities) => {
      for (const [name, value] of Object.entries(entities)) {
        if (typeof value === "string") declared.set(name, value);
      }
    },
    reset: () => {
      declared = new Map();
    },
    setXmlVersion: () => undefined,
    decode: (text) =>
      text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z_][\w.-]*);/g, (whole, name: string) => {
        if (name.startsWith("#")) {
          const codePoint = name.startsWith("#x") ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
          const allowed = codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
          return allowed ? String.fromCodePoint(codePoint) : whole;
        }
        return XML_ENTITIES[name] ?? declared.get(name) ?? whole;
      }),
  };
}

function createXmlParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributesGroupName: ATTRIBUTES,
    attributeNamePrefix: "",
    textNodeName: TEXT,
    // Keep every value a string: "0042" is an id and "10:30" a time, not numbers.
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    captureMetaData: true,
    entityDecoder: createEntityDecoder(),
  });
}

function asNode(value: unknown): XmlNode | null {
  if (Array.isArray(value)) return asNode(value[0]);
  return typeof value === "object" && value !== null ? (value as XmlNode) : null;
}

function childValue(node: XmlNode | null, name: string): unknown {
  return node !== null && Object.hasOwn(node, name) ? node[name] : undefined;
}

/** The library gives one child as a value and repeated children as an array. */
function children(node: XmlNode | null, name: string): unknown[] {
  const value = childValue(node, name);
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function textOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  const node = asNode(value);
  return node === null ? null : textOf(childValue(node, TEXT));
}

function childText(node: XmlNode | null, name: string): string | null {
  return textOf(childValue(node, name));
}

function attribute(node: XmlNode | null, name: string): string | null {
  const attributes = asNode(childValue(node, ATTRIBUTES));
  const value = childValue(attributes, name);
  return typeof value === "string" ? value : null;
}

function span(node: XmlNode | null): { start: number; end: number } | null {
  if (node === null || METADATA === null) return null;
  const metadata: unknown = Reflect.get(node, METADATA);
  if (typeof metadata !== "object" || metadata === null) return null;
  const start: unknown = Reflect.get(metadata, "startIndex");
  const end: unknown = Reflect.get(metadata, "endIndex");
  if (typeof start !== "number") return null;
  return { start, end: typeof end === "number" ? end : start };
}

type Where = { line?: number; field?: string };

/**
 * Where to point the user: the line of the child element `tag` inside the
 * node when it can be found, else the node's own line, else its path.
 */
function locate(source: string, node: XmlNode | null, path: string, tag?: string): Where {
  const range = span(node);
  if (range === null) return { field: path };
  if (tag !== undefined) {
    const pattern = new RegExp(`<${tag}(?=[\\s/>])`, "g");
    pattern.lastIndex = range.start + 1;
    const match = pattern.exec(source);
    if (match !== null && match.index <= range.end) return { line: lineAt(source, match.index) };
  }
  return { line: lineAt(source, range.start) };
}

/** Cheap sniff: XML whose root element is <schedule>. */
export function looksLikeFrabXml(text: string): boolean {
  // Skip what may precede the root: declaration, comments, DOCTYPE, whitespace.
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*/y;
  const source = stripBom(text).slice(0, 65_536);
  prolog.lastIndex = 0;
  const match = prolog.exec(source);
  const rest = source.slice(match === null ? 0 : match[0].length);
  return /^<schedule[\s/>]/.test(rest);
}

function readDocument(source: string, fileName: string): unknown {
  const validation = XMLValidator.validate(source);
  if (validation !== true) {
    throw parseError(fileName, `not well-formed XML: ${validation.err.msg}`, { line: validation.err.line });
  }
  try {
    return createXmlParser().parse(source);
  } catch (error) {
    // The validator passed, so this is one of the parser's own guards
    // (reserved names such as __proto__, entity limits); point at the name.
    const message = error instanceof Error ? error.message : String(error);
    const named = /"([^"]+)"/.exec(message)?.[1];
    const offset = named === undefined ? -1 : source.indexOf(named);
    throw parseError(
      fileName,
      `could not be read as XML: ${message}`,
      offset === -1 ? { field: "document" } : { line: lineAt(source, offset) },
    );
  }
}

function findScheduleRoot(document: unknown, source: string, fileName: string): XmlNode {
  const roots = typeof document === "object" && document !== null ? Object.keys(document) : [];
  const firstElement = /<(?![?!])/.exec(source);
  const rootLine = { line: firstElement === null ? 1 : lineAt(source, firstElement.index) };
  if (roots.length !== 1 || roots[0] !== "schedule") {
    const found = roots.length === 0 ? "no element" : roots.map((name) => `<${name}>`).join(", ");
    throw parseError(fileName, `not a frab schedule: expected a single <schedule> root element, found ${found}`, rootLine);
  }
  const value = childValue(document as XmlNode, "schedule");
  if (Array.isArray(value)) {
    throw parseError(fileName, "not a frab schedule: expected a single <schedule> root element", rootLine);
  }
  // <schedule/> or <schedule>text</schedule> has no children at all.
  return asNode(value) ?? {};
}

type Conference = ParsedProgram["conference"];

function readConference(schedule: XmlNode, source: string, options: ParseOptions): { conference: Conference; zone: string | null } {
  const { fileName } = options;
  const node = asNode(childValue(schedule, "conference"));
  const path = "/schedule/conference";
  const acronym = nonBlank(childText(node, "acronym"));
  const title = nonBlank(childText(node, "title")) ?? acronym;
  if (title === null) {
    throw parseError(fileName, "the schedule has no conference <title>", locate(source, node ?? schedule, path));
  }
  const named = nonBlank(childText(node, "time_zone_name"));
  const zone = resolveFrabTimeZone(named, options, {
    element: "<time_zone_name>",
    where: () => locate(source, node, path, "time_zone_name"),
  });
  return {
    conference: { title, subtitle: nonBlank(childText(node, "subtitle")), acronym, timeZone: named },
    zone,
  };
}

type EventContext = {
  source: string;
  fileName: string;
  zone: string | null;
  day: XmlNode;
  dayPath: string;
  roomName: string | null;
};

function readSpeakers(event: XmlNode): ParsedSpeaker[] {
  const speakers: ParsedSpeaker[] = [];
  for (const persons of children(event, "persons")) {
    for (const person of children(asNode(persons), "person")) {
      const name = nonBlank(textOf(person));
      if (name !== null) speakers.push({ name, organization: null });
    }
  }
  return speakers;
}

function readEvent(value: unknown, path: string, context: EventContext): ParsedSession {
  const { source, fileName } = context;
  const event = asNode(value);
  const externalId = nonBlank(attribute(event, "guid")) ?? nonBlank(attribute(event, "id"));
  if (event === null || externalId === null) {
    throw parseError(fileName, "event has neither a guid nor an id attribute", locate(source, event, path));
  }
  const label = `event ${quoteValue(externalId)}`;
  const title = nonBlank(childText(event, "title"));
  if (title === null) throw parseError(fileName, `${label} has no <title>`, locate(source, event, path, "title"));

  const times = resolveFrabEventTimes(
    {
      date: childText(event, "date"),
      start: childText(event, "start"),
      end: null,
      duration: childText(event, "duration"),
      dayDate: attribute(context.day, "date"),
      dayStart: attribute(context.day, "start"),
      dayEnd: attribute(context.day, "end"),
    },
    context.zone,
  );
  if (!times.ok) {
    const where =
      times.field === "day" ? locate(source, context.day, context.dayPath) : locate(source, event, path, times.field);
    throw parseError(fileName, `${label} ${times.problem}`, where);
  }

  return {
    externalId,
    title,
    abstract: joinFrabAbstract(childText(event, "subtitle"), childText(event, "abstract"), childText(event, "description")),
    start: times.start,
    end: times.end,
    room: nonBlank(childText(event, "room")) ?? context.roomName,
    track: nonBlank(childText(event, "track")),
    kind: frabKind(childText(event, "type")),
    speakers: readSpeakers(event),
    url: nonBlank(childText(event, "url")),
  };
}

export function parseFrabXml(text: string, options: ParseOptions): ParsedProgram {
  const { fileName } = options;
  const source = stripBom(text);
  const schedule = findScheduleRoot(readDocument(source, fileName), source, fileName);
  const { conference, zone } = readConference(schedule, source, options);

  const sessions: ParsedSession[] = [];
  const firstSeen = new Map<string, { node: XmlNode | null; path: string }>();
  children(schedule, "day").forEach((dayValue, dayIndex) => {
    const day = asNode(dayValue) ?? {};
    const dayPath = `/schedule/day[${dayIndex + 1}]`;
    children(day, "room").forEach((roomValue, roomIndex) => {
      const room = asNode(roomValue);
      const roomPath = `${dayPath}/room[${roomIndex + 1}]`;
      const context: EventContext = { source, fileName, zone, day, dayPath, roomName: nonBlank(attribute(room, "name")) };
      children(room, "event").forEach((eventValue, eventIndex) => {
        const path = `${roomPath}/event[${eventIndex + 1}]`;
        const session = readEvent(eventValue, path, context);
        const earlier = firstSeen.get(session.externalId);
        if (earlier !== undefined) {
          // The importer keys sessions by externalId; two events with one id would overwrite each other.
          const first = locate(source, earlier.node, earlier.path);
          const firstAt = first.line === undefined ? earlier.path : `line ${first.line}`;
          throw parseError(
            fileName,
            `event ${quoteValue(session.externalId)} appears twice (first at ${firstAt})`,
            locate(source, asNode(eventValue), path),
          );
        }
        firstSeen.set(session.externalId, { node: asNode(eventValue), path });
        sessions.push(session);
      });
    });
  });

  return { format: "frab-xml", conference, sessions };
}
