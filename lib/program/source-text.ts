/**
 * Small text rules every schedule parser follows the same way, so that a
 * file reads alike (and its errors read alike) whatever its format.
 */

/** Strips a UTF-8 byte-order mark that editors on Windows like to add. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let index = text.indexOf("\n"); index !== -1 && index < end; index = text.indexOf("\n", index + 1)) line += 1;
  return line;
}

/** Trimmed text, or null when blank: the parsed model has no empty names. */
export function nonBlank(value: string | null | undefined): string | null {
  const trimmed = (value ?? "").trim();
  return trimmed === "" ? null : trimmed;
}

/** Abstracts keep their paragraphs, but one kind of line break and no outer blank space. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

/** A value from the file cut to a length an error message can carry. */
export function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

/** Quotes a value from the file for an error message, cut to a readable length. */
export function quoteValue(value: string): string {
  return JSON.stringify(shorten(value));
}

/** The file name without folders and extension, for formats that carry no conference title. */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  const stem = (dot > 0 ? base.slice(0, dot) : base).trim();
  return stem === "" ? "Untitled conference" : stem;
}
