/**
 * Lowercase words joined by dashes, accents stripped, letters of any script
 * kept: "Exactly Once Semantics Revisited" → "exactly-once-semantics-revisited".
 */
export function kebabCase(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/gu, "");
}

/** A URL slug (ASCII only): "Kafka Summit New York 2019" → "kafka-summit-new-york-2019". */
export function slugify(text: string): string {
  const slug = kebabCase(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "conference";
}
