import { readFileSync } from "node:fs";
import fc from "fast-check";
import { expect } from "vitest";
import { isAppError, type AppError } from "@/lib/errors/app-error";
import { ZParsedProgram, type ParsedProgram, type ParsedSession } from "@/lib/program/parsed-program";

/**
 * What the schedule parser tests share: reading fixtures, catching the
 * parser's errors, and the property that any input either parses to a
 * program the importer accepts or is rejected with INVALID_INPUT naming the
 * file. Anything else a parser throws is a bug the property must catch.
 */

// ---------------------------------------------------------------------------
// Fixtures and lookups
// ---------------------------------------------------------------------------

/** A file under tests/fixtures, as text. */
export function readFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
}

/** A demo program under seeds/, as text. */
export function readSeed(name: string): string {
  return readFileSync(new URL(`../../seeds/${name}`, import.meta.url), "utf8");
}

/** The session with this externalId; a missing one fails the test by name. */
export function sessionById(program: ParsedProgram, externalId: string): ParsedSession {
  const found = program.sessions.find((candidate) => candidate.externalId === externalId);
  if (found === undefined) throw new Error(`no session ${externalId}`);
  return found;
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/** What `run` throws; a run that throws nothing fails the test. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

/** The AppError INVALID_INPUT that `run` throws; anything else fails the test. */
export function catchInvalid(run: () => unknown): AppError {
  const error = thrown(run);
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  expect(error.code).toBe("INVALID_INPUT");
  return error;
}

/** As catchInvalid, and the message must contain every fragment. */
export function expectInvalid(run: () => unknown, ...fragments: string[]): AppError {
  const error = catchInvalid(run);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
  return error;
}

// ---------------------------------------------------------------------------
// The parse-or-reject property
// ---------------------------------------------------------------------------

/** What a parser promises for any input, beyond "a valid program or INVALID_INPUT". */
export type ParserContract = {
  /** The name the parser is given; every rejection starts with "<fileName>: ". */
  fileName: string;
  parse: (text: string) => ParsedProgram;
  /** Every rejection names a line or a field (details.line or details.field). */
  locatesRejections?: boolean;
  /** Every session has a start and an end, and does not end before it starts. */
  timed?: boolean;
  /** A further check of the rejection of `text`. */
  checkRejection?: (error: AppError, text: string) => void;
};

/** Parses `text`, holding the parser to its contract; any other exception fails. */
export function parsesOrRejects(contract: ParserContract, text: string): void {
  let program: ParsedProgram;
  try {
    program = contract.parse(text);
  } catch (error) {
    if (!isAppError(error)) throw error;
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message.startsWith(`${contract.fileName}: `)).toBe(true);
    if (contract.locatesRejections === true) expect(error.details?.line ?? error.details?.field).toBeDefined();
    contract.checkRejection?.(error, text);
    return;
  }
  ZParsedProgram.parse(program);
  if (contract.timed === true) {
    for (const session of program.sessions) {
      expect(session.start !== null && session.end !== null && session.end >= session.start).toBe(true);
    }
  }
}

/** The property over generated inputs. */
export function assertParsesOrRejects(contract: ParserContract, inputs: fc.Arbitrary<string>, numRuns: number): void {
  fc.assert(
    fc.property(inputs, (text) => parsesOrRejects(contract, text)),
    { numRuns },
  );
}

/**
 * The property over valid files broken in a few places: each run takes one
 * source and applies between one and `maxMutations` changes to it.
 */
export function assertMutantsParseOrReject<M>(
  contract: ParserContract,
  run: {
    sources: readonly string[];
    mutation: fc.Arbitrary<M>;
    apply: (text: string, change: M) => string;
    maxMutations: number;
    numRuns: number;
  },
): void {
  fc.assert(
    fc.property(
      fc.constantFrom(...run.sources),
      fc.array(run.mutation, { minLength: 1, maxLength: run.maxMutations }),
      (source, changes) => parsesOrRejects(contract, changes.reduce(run.apply, source)),
    ),
    { numRuns: run.numRuns },
  );
}

// ---------------------------------------------------------------------------
// Mutations of valid files
// ---------------------------------------------------------------------------

/** Positions are taken modulo the current size, so every change applies to whatever text is left. */
export type TextMutation =
  | { kind: "truncate"; at: number }
  | { kind: "deleteLine"; at: number }
  | { kind: "duplicateLine"; at: number }
  | { kind: "swapLines"; at: number; with: number }
  | { kind: "replaceChar"; at: number; by: string }
  | { kind: "insertText"; at: number; by: string }
  | { kind: "insertLine"; at: number; by: string };

/** Which mutations a test draws; those that put text in say what text. */
export type MutationPlan = {
  truncate?: true;
  deleteLine?: true;
  duplicateLine?: true;
  swapLines?: true;
  /** What one character is replaced by. */
  replaceChar?: fc.Arbitrary<string>;
  /** What is inserted at a character position. */
  insertText?: fc.Arbitrary<string>;
  /** A line inserted before an existing one. */
  insertLine?: fc.Arbitrary<string>;
};

/**
 * One arbitrary per planned kind, so a test can add format-specific kinds
 * (fc.oneof over all of them) and keep every kind equally likely.
 */
export function textMutationArms(plan: MutationPlan): Array<fc.Arbitrary<TextMutation>> {
  const arms: Array<fc.Arbitrary<TextMutation>> = [];
  if (plan.truncate) arms.push(fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }));
  if (plan.deleteLine) arms.push(fc.record({ kind: fc.constant("deleteLine" as const), at: fc.nat() }));
  if (plan.duplicateLine) arms.push(fc.record({ kind: fc.constant("duplicateLine" as const), at: fc.nat() }));
  if (plan.swapLines) arms.push(fc.record({ kind: fc.constant("swapLines" as const), at: fc.nat(), with: fc.nat() }));
  if (plan.replaceChar) arms.push(fc.record({ kind: fc.constant("replaceChar" as const), at: fc.nat(), by: plan.replaceChar }));
  if (plan.insertText) arms.push(fc.record({ kind: fc.constant("insertText" as const), at: fc.nat(), by: plan.insertText }));
  if (plan.insertLine) arms.push(fc.record({ kind: fc.constant("insertLine" as const), at: fc.nat(), by: plan.insertLine }));
  if (arms.length === 0) throw new Error("a mutation plan needs at least one kind");
  return arms;
}

export function textMutation(plan: MutationPlan): fc.Arbitrary<TextMutation> {
  return fc.oneof(...textMutationArms(plan));
}

/** A character the format gives meaning to, or a short random string. */
export function replacementText(interesting: readonly string[], maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...interesting), fc.string({ maxLength }));
}

export function applyTextMutation(text: string, change: TextMutation): string {
  const lines = text.split("\n");
  const line = change.at % lines.length;
  switch (change.kind) {
    case "truncate":
      return text.slice(0, change.at % (text.length + 1));
    case "deleteLine":
      lines.splice(line, 1);
      return lines.join("\n");
    case "duplicateLine":
      lines.splice(line, 0, lines[line] ?? "");
      return lines.join("\n");
    case "swapLines": {
      const other = change.with % lines.length;
      const moved = lines[line] ?? "";
      lines[line] = lines[other] ?? "";
      lines[other] = moved;
      return lines.join("\n");
    }
    case "replaceChar": {
      if (text.length === 0) return change.by;
      const index = change.at % text.length;
      return text.slice(0, index) + change.by + text.slice(index + 1);
    }
    case "insertText": {
      const index = change.at % (text.length + 1);
      return text.slice(0, index) + change.by + text.slice(index);
    }
    case "insertLine":
      lines.splice(line, 0, change.by);
      return lines.join("\n");
  }
}
