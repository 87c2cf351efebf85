import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { hashSecret, newSecret } from "./secret-token";
import type { AccountUser } from "./users";

export const ZTokenName = z.string().trim().min(1, "give the token a name").max(80, "the token name is too long");

export type ApiTokenSummary = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

/** Creates a personal API token; the token itself is returned here once and never again. */
export async function createApiToken(userId: string, name: string): Promise<{ id: string; name: string; token: string }> {
  const db = await getDb();
  const token = newSecret("pat");
  const row = await db.apiToken.create({
    data: { userId, name: ZTokenName.parse(name), tokenHash: hashSecret(token) },
    select: { id: true, name: true },
  });
  return { ...row, token };
}

export async function listApiTokens(userId: string): Promise<ApiTokenSummary[]> {
  const db = await getDb();
  return db.apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
  });
}

export async function revokeApiToken(userId: string, tokenId: string): Promise<void> {
  const db = await getDb();
  const { count } = await db.apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "no such token");
}

/** Last use is recorded at most once a minute per token, so busy clients do not write on every call. */
const LAST_USE_RESOLUTION_MS = 60_000;

export async function userForApiToken(token: string): Promise<AccountUser | null> {
  const db = await getDb();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true } },
    },
  });
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USE_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return row.user;
}
