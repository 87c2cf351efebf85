import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { looksLikeListing, parseListing } from "@/lib/program/parse-listing";
import { ZParsedProgram, type ParsedProgram } from "@/lib/program/parsed-program";
import {
  applyTextMutation,
  assertMutantsParseOrReject,
  assertParsesOrRejects,
  catchInvalid,
  readSeed,
  textMutation,
  type ParserContract,
} from "../support/parser-properties";

const SEED_NAME = "kafka-summit-ny-2019.txt";
const seedText = readSeed(SEED_NAME);
const TRACKS = ["Core Kafka", "Event-Driven Development", "Stream Processing", "Use Cases"];

function parseSeed(text = seedText): ParsedProgram {
  return parseListing(text, { fileName: SEED_NAME });
}

function sessionTitled(program: ParsedProgram, title: string) {
  const session = program.sessions.find((candidate) => candidate.title === title);
  if (session === undefined) throw new Error(`no session titled "${title}"`);
  return session;
}

describe("parseListing on the Kafka Summit NY 2019 seed", () => {
  const program = parseSeed();

  it("produces a valid program with the event title and subtitle, without the banner", () => {
    expect(() => ZParsedProgram.parse(program)).not.toThrow();
    expect(program.format).toBe("listing");
    expect(program.conference).toEqual({
      title: "Kafka Summit New York 2019",
      subtitle: "View sessions and slides from Kafka Summit New York 2019",
      acronym: null,
      timeZone: null,
    });
    const everything = JSON.stringify(program);
    expect(everything).not.toContain("Learn More");
    expect(everything).not.toContain("Confluent Cloud Launch");
  });

  it("finds 34 sessions: 2 keynotes and 8 talks in each of the 4 tracks", () => {
    expect(program.sessions).toHaveLength(34);
    const keynotes = program.sessions.filter((session) => session.kind === "keynote");
    expect(keynotes.map((session) => session.title)).toEqual([
      "Keynote: Events Everywhere",
      "Keynote: Spring Boot+Kafka: The New Enterprise Platform",
    ]);
    expect(keynotes.every((session) => session.track === null)).toBe(true);
    for (const track of TRACKS) {
      const talks = program.sessions.filter((session) => session.track === track);
      expect(talks, track).toHaveLength(8);
      expect(talks.every((session) => session.kind === "talk")).toBe(true);
    }
    expect(new Set(program.sessions.map((session) => session.track))).toEqual(new Set([null, ...TRACKS]));
  });

  it("has no times or rooms", () => {
    for (const session of program.sessions) {
      expect(session.start).toBeNull();
      expect(session.end).toBeNull();
      expect(session.room).toBeNull();
    }
  });

  it("reads 41 speakers and splits organizations at the first comma", () => {
    expect(program.sessions.flatMap((session) => session.speakers)).toHaveLength(41);
    const aggregating = sessionTitled(
      program,
      "Cost Effectively and Reliably Aggregating Billions of Messages Per Day Using Apache Kafka®",
    );
    expect(aggregating.speakers).toEqual([
      { name: "Chunky Gupta", organization: "Mist Systems" },
      { name: "Osman Sarood", organization: "Mist Systems" },
    ]);
    expect(sessionTitled(program, "Lessons Learned Building a Connector Using Kafka Connect").speakers).toEqual([
      { name: "Katherine Stanley", organization: "IBM United Kingdom Ltd." },
      { name: "Andrew Schofield", organization: "IBM" },
    ]);
  });

  it("keeps abstracts whole: paragraphs separated by a blank line, list lines on their own lines", () => {
    const bulletproof = sessionTitled(program, "Bulletproof Apache Kafka® with Fault Tree Analysis");
    const paragraphs = bulletproof.abstract.split("\n\n");
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]).toMatch(/^We recently learned about “Fault Tree Analysis”/u);
    expect(paragraphs[1]?.split("\n")).toEqual([
      "-What guarantees can I promise my users?",
      "-What should my replication factor?",
      "-What should the ISR setting be?",
      "-Should I use RAID or not?",
      "-Should I use external storage such as EBS or local disks?",
    ]);

    const streams = sessionTitled(program, "Kafka Streams at Scale");
    expect(streams.abstract.split("\n\n")).toHaveLength(4);
    expect(streams.abstract).toContain("Walmart’s scale:\n• the clusters need to be large and the problems thereof.\n");
    expect(streams.abstract.endsWith("Key Takeaways:\n• Basic understanding of Kafka Streams.\n• Productionizing Kafka Streams at scale.\n• Using Kafka Streams as Distributed NoSQL DB")).toBe(true);
    // The abstract ends at the next title, not at a list line that looks like a speaker.
    expect(streams.speakers).toEqual([{ name: "Deepak Goyal", organization: "Walmart Labs" }]);

    const airbnb = sessionTitled(program, "Streaming Ingestion of Logging Events at Airbnb");
    expect(airbnb.abstract).toContain("The key takeaways include\n\n  1. an architecture");
  });

  it("gives keynotes an empty abstract and does not swallow the following track heading", () => {
    const keynote = sessionTitled(program, "Keynote: Spring Boot+Kafka: The New Enterprise Platform");
    expect(keynote.abstract).toBe("");
    const lastCoreKafka = sessionTitled(program, "Experiences Operating Apache Kafka® at Scale");
    expect(lastCoreKafka.abstract).not.toContain("Event-Driven Development");
  });

  it("derives unique externalIds from normalized titles", () => {
    const ids = program.sessions.map((session) => session.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sessionTitled(program, "Apache Kafka® as an Event Store").externalId).toBe("apache-kafka-as-an-event-store");
    expect(sessionTitled(program, 'Kafka on Kubernetes: Does it really have to be "The Hard Way"?').externalId).toBe(
      "kafka-on-kubernetes-does-it-really-have-to-be-the-hard-way",
    );
    for (const id of ids) expect(id).toMatch(/^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u);
  });

  it("reads a CRLF copy (with a byte order mark) the same way", () => {
    const crlf = `\uFEFF${seedText.replace(/\n/gu, "\r\n")}`;
    expect(parseSeed(crlf)).toEqual(program);
  });

  it("is recognized by looksLikeListing", () => {
    expect(looksLikeListing(seedText)).toBe(true);
    expect(looksLikeListing(seedText.replace(/\n/gu, "\r\n"))).toBe(true);
  });
});

describe("parseListing on other input", () => {
  it("splits a speaker without a comma into a name and a null organization", () => {
    const program = parseListing("Conf\n\nA Talk\n\n  • Jane Doe\n\nAbstract.\n", { fileName: "mini.txt" });
    expect(program.conference).toMatchObject({ title: "Conf", subtitle: null });
    expect(program.sessions).toEqual([
      {
        externalId: "a-talk",
        title: "A Talk",
        abstract: "Abstract.",
        start: null,
        end: null,
        room: null,
        track: null,
        kind: "talk",
        speakers: [{ name: "Jane Doe", organization: null }],
        url: null,
      },
    ]);
  });

  it("takes a heading right before the first session as its track", () => {
    const text = "Conf\n\nSub\n\nTrack A\n\nOne\n\n  • A, B\n\nText one.\n\nTrack B\n\nTwo\n\n  • C, D\n\nText two.";
    const program = parseListing(text, { fileName: "tracks.txt" });
    expect(program.sessions.map((session) => [session.title, session.track, session.abstract])).toEqual([
      ["One", "Track A", "Text one."],
      ["Two", "Track B", "Text two."],
    ]);
  });

  it.each([
    ["plain prose", "Just some text.\n\nNothing here looks like a session."],
    ["an empty file", ""],
    ["binary garbage", "\u0000\u0001PK\u0003\u0004\u00ff\u00fe\n  • x, y"],
    ["JSON", '{"sessions": []}'],
  ])("rejects %s with an AppError naming the file", (_label, text) => {
    const error = catchInvalid(() => parseListing(text, { fileName: "upload.bin" }));
    expect(error.message).toMatch(/^upload\.bin: /u);
    expect(looksLikeListing(text)).toBe(false);
  });

  it("names the line of a duplicate title", () => {
    const text = "Conf\n\nSame\n\n  • A, B\n\nText.\n\nSame\n\n  • C, D\n";
    const error = catchInvalid(() => parseListing(text, { fileName: "dup.txt" }));
    expect(error.message).toMatch(/^dup\.txt: line 9: .*line 3/u);
  });

  it("names the line of a speaker without a name", () => {
    const error = catchInvalid(() => parseListing("Conf\n\nTalk\n\n  • , Org\n", { fileName: "s.txt" }));
    expect(error.message).toMatch(/^s\.txt: line 5: speaker line has no name/u);
  });

  it("rejects a file whose first session has no event title before it", () => {
    const error = catchInvalid(() => parseListing("Talk\n\n  • A, B\n", { fileName: "t.txt" }));
    expect(error.message).toMatch(/^t\.txt: line 1: no event title/u);
  });
});

describe("parseListing never fails with anything but an AppError", () => {
  /** A listing has no times, and some rejections (no session at all) have no line to name. */
  const contract: ParserContract = { fileName: "fuzz.txt", parse: (text) => parseListing(text, { fileName: "fuzz.txt" }) };

  const junkLine = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom("", "  ", "  • ", "  • ,", "  • Name, Org", "  •", "• x", "Keynote: x", "Track", "\t•\tA", "｜ Learn More"),
    fc.string({ unit: "binary", maxLength: 20 }),
  );

  it("on random strings", () => {
    assertParsesOrRejects(contract, fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 })), 300);
  });

  it("on random line-structured text", () => {
    assertParsesOrRejects(
      contract,
      fc.tuple(fc.array(junkLine, { maxLength: 30 }), fc.constantFrom("\n", "\r\n", "\r")).map(([lines, eol]) => lines.join(eol)),
      300,
    );
  });

  it("on mutations of the seed (deleted, duplicated, swapped lines, inserted junk)", () => {
    assertMutantsParseOrReject(contract, {
      sources: [seedText],
      mutation: textMutation({ deleteLine: true, duplicateLine: true, swapLines: true, insertLine: junkLine }),
      apply: applyTextMutation,
      maxMutations: 12,
      numRuns: 200,
    });
  });
});
