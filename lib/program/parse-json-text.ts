import { parseError } from "@/lib/program/parse-error";
import { lineAt, stripBom } from "@/lib/program/source-text";

/**
 * Reading JSON program files (schedule.json, Sessionize) and pointing at the
 * line where one stops being JSON.
 */

/** Where a text stops being JSON, and why, in words for the user. */
export type JsonSyntaxError = { offset: number; message: string };

/**
 * How a format words a JSON syntax error. The formats were released with
 * different wordings, and users (and their scripts) already see those.
 */
export type JsonErrorWording = {
  /** Leads the reason, e.g. "invalid JSON". */
  lead: string;
  /** "scanner": our own plain description; "engine": the JavaScript engine's message. */
  reason: "scanner" | "engine";
};

const SCANNER_WORDING: JsonErrorWording = { lead: "invalid JSON", reason: "scanner" };

/**
 * JSON.parse with an error that names the line. V8's messages do not always
 * carry a position, so on failure our own scanner finds where the text stops
 * being JSON. A leading byte-order mark is dropped first.
 */
export function parseJsonText(text: string, fileName: string, wording: JsonErrorWording = SCANNER_WORDING): unknown {
  const body = stripBom(text);
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    // Anything but a SyntaxError is the engine failing, not the file.
    if (!(error instanceof SyntaxError)) throw error;
    const problem = findJsonSyntaxError(body);
    // The scanner agrees with JSON.parse (property tests hold it to that).
    // Should it ever not, no line is better than a made-up one, and the
    // missing line makes the parsers' property tests fail.
    if (problem === null) throw parseError(fileName, `${wording.lead}: ${error.message}`);
    const reason = wording.reason === "scanner" ? problem.message : error.message;
    throw parseError(fileName, `${wording.lead}: ${reason}`, { line: lineAt(body, problem.offset) });
  }
}

/** A parsed JSON value that is an object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `schedule.conference.days[0].rooms["Hall 1"][2].date`, as a user would look it up. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  return path
    .map((segment, index) => {
      if (typeof segment === "number") return `[${segment}]`;
      const key = typeof segment === "symbol" ? String(segment) : segment;
      if (/^[A-Za-z_$][\w$]*$/.test(key)) return index === 0 ? key : `.${key}`;
      return `[${JSON.stringify(key)}]`;
    })
    .join("");
}

/**
 * The first syntax error in `text`, or null when it is valid JSON. Walks the
 * JSON grammar with an explicit stack, so deeply nested garbage cannot
 * overflow the call stack.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  type Expect = "value" | "valueOrClose" | "key" | "keyOrClose" | "colon" | "commaOrClose" | "end";
  const stack: Array<"object" | "array"> = [];
  const literal = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  let expect: Expect = "value";
  let i = 0;

  const afterValue = (): Expect => (stack.length === 0 ? "end" : "commaOrClose");
  const closeContainer = (): void => {
    stack.pop();
    i++;
    expect = afterValue();
  };
  const describe = (offset: number): string => `unexpected character ${JSON.stringify(text[offset] ?? "")}`;

  for (;;) {
    while (i < text.length && " \t\n\r".includes(text[i] ?? "")) i++;
    if (i >= text.length) {
      return expect === "end" ? null : { offset: text.length, message: "unexpected end of input" };
    }
    const c = text[i] ?? "";
    switch (expect) {
      case "end":
        return { offset: i, message: `${describe(i)} after the end of the JSON value` };
      case "colon":
        if (c !== ":") return { offset: i, message: `${describe(i)}, expected ':'` };
        i++;
        expect = "value";
        break;
      case "key":
      case "keyOrClose":
        if (c === "}" && expect === "keyOrClose") {
          closeContainer();
          break;
        }
        if (c !== '"') return { offset: i, message: `${describe(i)}, expected a property name in double quotes` };
        {
          const end = scanJsonString(text, i);
          if (typeof end !== "number") return end;
          i = end;
        }
        expect = "colon";
        break;
      case "commaOrClose": {
        const top = stack[stack.length - 1];
        if (c === ",") {
          i++;
          expect = top === "object" ? "key" : "value";
        } else if ((c === "}" && top === "object") || (c === "]" && top === "array")) {
          closeContainer();
        } else {
          return { offset: i, message: `${describe(i)}, expected ',' or '${top === "object" ? "}" : "]"}'` };
        }
        break;
      }
      case "value":
      case "valueOrClose": {
        if (c === "]" && expect === "valueOrClose") {
          closeContainer();
          break;
        }
        if (c === "{" || c === "[") {
          stack.push(c === "{" ? "object" : "array");
          i++;
          expect = c === "{" ? "keyOrClose" : "valueOrClose";
          break;
        }
        if (c === '"') {
          const end = scanJsonString(text, i);
          if (typeof end !== "number") return end;
          i = end;
          expect = afterValue();
          break;
        }
        literal.lastIndex = i;
        const match = literal.exec(text);
        if (match === null) return { offset: i, message: `${describe(i)}, expected a value` };
        i += match[0].length;
        expect = afterValue();
        break;
      }
    }
  }
}

/** Returns the offset just past the closing quote, or the problem. */
function scanJsonString(text: string, start: number): number | JsonSyntaxError {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return { offset: i, message: "control character (such as a line break) inside a string" };
    if (code === 0x5c) {
      const next = text[i + 1] ?? "";
      if (next === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          return { offset: i, message: "invalid \\u escape in a string" };
        }
        i += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(next) || next === "") return { offset: i, message: "invalid escape in a string" };
      i += 2;
      continue;
    }
    i++;
  }
  return { offset: text.length, message: "unterminated string" };
}
