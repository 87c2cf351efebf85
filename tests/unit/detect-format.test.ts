import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { detectFormat } from "@/lib/program/detect-format";
import { PROGRAM_FORMATS } from "@/lib/program/parsed-program";
import { expectInvalid, readFixture } from "../support/parser-properties";

const FILE = "upload.dat";

describe("detectFormat", () => {
  it("recognizes the fixtures", () => {
    expect(detectFormat(readFixture("sessionize-all.json"), "sessionize-all.json")).toBe("sessionize");
    expect(detectFormat(readFixture("program.ics"), "program.ics")).toBe("ics");
    expect(detectFormat(readFixture("program-dst.ics"), "program-dst.ics")).toBe("ics");
  });

  it("takes anything starting with < as frab XML, after a BOM and whitespace", () => {
    expect(detectFormat('<?xml version="1.0" encoding="UTF-8"?>\n<schedule></schedule>', FILE)).toBe("frab-xml");
    expect(detectFormat("\uFEFF\n  <schedule>", FILE)).toBe("frab-xml");
  });

  it("tells schedule.json shapes from Sessionize", () => {
    expect(detectFormat('{"schedule": {"version": "1", "conference": {"title": "X"}}}', FILE)).toBe("schedule-json");
    expect(detectFormat('{"conference": {"title": "X", "days": []}}', FILE)).toBe("schedule-json");
    expect(detectFormat('{"events": []}', FILE)).toBe("schedule-json");
    expect(detectFormat('\uFEFF {"sessions": [], "speakers": [], "rooms": [], "categories": []}', FILE)).toBe("sessionize");
  });

  it("routes broken JSON to the parser its keys point at, so that parser reports the line", () => {
    const broken = readFixture("sessionize-all.json").replace('"title": "Lunch",', '"title": "Lunch"');
    expect(detectFormat(broken, FILE)).toBe("sessionize");
    expect(detectFormat('{"schedule": {"conference": ', FILE)).toBe("schedule-json");
  });

  it("reports broken JSON of no known shape with its line", () => {
    expectInvalid(() => detectFormat('\n\n{\n  "a": 1\n  "b": 2\n}', FILE), `${FILE}: line 5:`, "invalid JSON");
  });

  it("rejects valid JSON of another shape", () => {
    expectInvalid(() => detectFormat('{"sessions": []}', FILE), FILE, "not a schedule");
    expectInvalid(() => detectFormat("[1, 2, 3]", FILE), FILE, "not a schedule");
    expectInvalid(() => detectFormat('{"schedule": "soon"}', FILE), FILE, "not a schedule");
  });

  it("recognizes iCalendar", () => {
    expect(detectFormat("\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", FILE)).toBe("ics");
    expect(detectFormat("begin:vcalendar\n", FILE)).toBe("ics");
  });

  it("recognizes a listing by its speaker bullets", () => {
    const listing = [
      "Opening Keynote: Streams Everywhere",
      "  • Maren Okafor, Streamwise",
      "",
      "Exactly-once semantics, revisited",
      "  • Priya Raman, Streamwise",
    ].join("\n");
    expect(detectFormat(listing, "program.txt")).toBe("listing");
    expect(detectFormat(`[Day 1]\n${listing}`, "program.txt")).toBe("listing");
  });

  it("rejects everything else, naming the file", () => {
    for (const text of ["", "   \n", "hello", "Title\n- Jane Doe", "BEGIN:VEVENT\n", "•nobody"]) {
      expectInvalid(
        () => detectFormat(text, FILE),
        `${FILE}: not a schedule: expected frab XML, schedule.json, Sessionize JSON, iCalendar or a session listing`,
      );
    }
  });

  it("returns a known format or throws AppError for any text", () => {
    const check = (text: string) => {
      try {
        expect(PROGRAM_FORMATS).toContain(detectFormat(text, FILE));
      } catch (error) {
        if (!isAppError(error)) throw error;
        expect(error.code).toBe("INVALID_INPUT");
        expect(error.message.startsWith(`${FILE}: `)).toBe(true);
      }
    };
    fc.assert(fc.property(fc.string({ maxLength: 200 }), check), { numRuns: 500 });
    fc.assert(fc.property(fc.json(), check), { numRuns: 300 });
    fc.assert(
      fc.property(fc.constantFrom("{", "[", "<", "BEGIN:VCALENDAR\n", "  • "), fc.string({ maxLength: 100 }), (head, tail) =>
        check(head + tail),
      ),
      { numRuns: 300 },
    );
  });
});
