import { createHash, randomBytes } from "node:crypto";

/**
 * Secrets handed to users (API tokens, feed and share URLs, invite codes) are
 * random, shown once, and stored only as their SHA-256: a leaked database
 * does not leak working secrets.
 */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString("base64url")}`;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
