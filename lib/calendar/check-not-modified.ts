import { createHash } from "node:crypto";

/**
 * Conditional GET for the calendar feed (RFC 9110 §13). Calendar apps poll a
 * subscription every few minutes to hours; answering 304 when nothing changed
 * spares them the download and us the work of sending it.
 */

export type FeedValidators = { etag: string; lastModified: Date };

/** A strong ETag: the feed is rebuilt byte for byte the same until something in it changes. */
export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url")}"`;
}

/** HTTP dates have whole seconds; the validator is cut to match, or a client echoing it back would never match. */
export function toHttpSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

export function checkNotModified(headers: Headers, validators: FeedValidators): boolean {
  const ifNoneMatch = headers.get("if-none-match");
  // When both are sent, If-None-Match decides and If-Modified-Since is ignored (§13.2.2).
  if (ifNoneMatch !== null) return matchesAnyEtag(ifNoneMatch, validators.etag);

  const ifModifiedSince = headers.get("if-modified-since");
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  // An unparsable date is ignored, as the RFC asks, rather than answered 304.
  if (Number.isNaN(since)) return false;
  return toHttpSecond(validators.lastModified).getTime() <= since;
}

/** If-None-Match uses the weak comparison (§13.1.2): W/"x" matches "x". */
function matchesAnyEtag(header: string, etag: string): boolean {
  if (header.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((candidate) => candidate.replace(/^W\//, "") === opaque);
}
