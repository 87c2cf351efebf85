import { getAppUrl } from "@/lib/auth/auth-secret";
import { hashSecret, newSecret } from "@/lib/auth/secret-token";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getConference } from "@/lib/program/find-sessions";

const SHARE_PREFIX = "shr";
export const SHARE_TOKEN = /^shr_[A-Za-z0-9_-]{16,100}$/;

export type CreatedShareLink = { id: string; url: string; conference: string; createdAt: Date };
export type ShareLinkSummary = { id: string; conference: { slug: string; title: string }; createdAt: Date };

export function shareUrlFor(token: string): string {
  return `${getAppUrl()}/share/${token}`;
}

/**
 * A read-only link to my agenda for one conference. Each call makes a new
 * link with its own id, so links given to different people can be revoked
 * one by one; the URL is shown this once, as only its hash is stored.
 */
export async function createShareLink(userId: string, conferenceSlug: string): Promise<CreatedShareLink> {
  const conference = await getConference(conferenceSlug);
  const token = newSecret(SHARE_PREFIX);
  const db = await getDb();
  const link = await db.shareLink.create({
    data: { userId, conferenceId: conference.id, tokenHash: hashSecret(token) },
    select: { id: true, createdAt: true },
  });
  return { id: link.id, url: shareUrlFor(token), conference: conference.slug, createdAt: link.createdAt };
}

export async function listShareLinks(userId: string, conferenceSlug?: string): Promise<ShareLinkSummary[]> {
  const db = await getDb();
  return db.shareLink.findMany({
    where: { userId, ...(conferenceSlug ? { conference: { slug: conferenceSlug } } : {}) },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, conference: { select: { slug: true, title: true } } },
  });
}

/** Deletes one of my links; from then on its URL answers 404. Someone else's link is NOT_FOUND too. */
export async function deleteShareLink(userId: string, linkId: string): Promise<void> {
  const db = await getDb();
  const { count } = await db.shareLink.deleteMany({ where: { id: linkId, userId } });
  if (count === 0) throw new AppError("NOT_FOUND", "no such share link");
}

/**
 * The share token in what someone pasted or opened: the token, or a whole
 * share URL. Anything else is NOT_FOUND, like an unknown token, so the
 * answer never tells a guesser how close they came.
 */
export function extractShareToken(input: string): string {
  const text = input.trim();
  if (SHARE_TOKEN.test(text)) return text;
  let last = "";
  try {
    last = new URL(text).pathname.split("/").filter((part) => part !== "").pop() ?? "";
  } catch {
    last = text.split("/").filter((part) => part !== "").pop() ?? "";
  }
  if (!SHARE_TOKEN.test(last)) throw new AppError("NOT_FOUND", "this share link does not exist or was deleted");
  return last;
}

/** The link behind a token, or NOT_FOUND. */
export async function findShareLink(input: string): Promise<{ userId: string; conferenceId: string }> {
  const token = extractShareToken(input);
  const db = await getDb();
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: { userId: true, conferenceId: true },
  });
  if (!link) throw new AppError("NOT_FOUND", "this share link does not exist or was deleted");
  return link;
}
