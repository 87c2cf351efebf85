import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { conflictSignature } from "./conflict-signature";

export const ZResolveConflict = z.object({
  keep: z.string().min(1),
  others: z.array(z.string().min(1)).min(1, "name the other sessions of the conflict"),
  /** What happens to the others: kept as backups ("maybe") or unstarred. */
  then: z.enum(["maybe", "unstar"]).default("maybe"),
});

/** "Keep this one": the kept session stays a must; the others become maybe or are unstarred. */
export async function resolveConflict(userId: string, input: z.infer<typeof ZResolveConflict>): Promise<void> {
  const { keep, others, then } = ZResolveConflict.parse(input);
  const db = await getDb();
  const ids = [keep, ...others];
  const mine = await db.star.count({ where: { userId, sessionId: { in: ids } } });
  if (mine !== new Set(ids).size) throw new AppError("NOT_FOUND", "these sessions are not all in your agenda");
  await db.$transaction([
    db.star.update({ where: { userId_sessionId: { userId, sessionId: keep } }, data: { level: "MUST" } }),
    then === "maybe"
      ? db.star.updateMany({ where: { userId, sessionId: { in: others } }, data: { level: "MAYBE" } })
      : db.star.deleteMany({ where: { userId, sessionId: { in: others } } }),
  ]);
}

export const ZAcceptConflict = z.object({ sessionIds: z.array(z.string().min(1)).min(2, "a conflict has at least two sessions") });

/** Keeps a double booking on purpose; it stops nagging until one of its sessions changes time. */
export async function acceptConflict(userId: string, sessionIds: string[]): Promise<void> {
  const db = await getDb();
  const sessions = await db.session.findMany({
    where: { id: { in: sessionIds }, stars: { some: { userId } } },
    select: { id: true, start: true, end: true },
  });
  if (sessions.length !== new Set(sessionIds).size) throw new AppError("NOT_FOUND", "these sessions are not all in your agenda");
  const signature = conflictSignature(sessions);
  await db.acceptedConflict.upsert({
    where: { userId_signature: { userId, signature } },
    create: { userId, signature },
    update: {},
  });
}

/** Hides a program-change notice for me. */
export async function dismissChange(userId: string, changeId: string): Promise<void> {
  const db = await getDb();
  const change = await db.sessionChange.findFirst({
    where: { id: changeId, session: { stars: { some: { userId } } } },
    select: { id: true },
  });
  if (!change) throw new AppError("NOT_FOUND", "no such change in your agenda");
  await db.changeDismissal.upsert({
    where: { userId_changeId: { userId, changeId } },
    create: { userId, changeId },
    update: {},
  });
}
