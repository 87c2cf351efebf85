import { z } from "zod";
import { getDb } from "@/lib/db/client";

/** Per-user preferences for the agenda and the calendar export. */
export const ZUserSettings = z.object({
  /** Minutes needed to walk between rooms; null turns the check off. */
  walkingBufferMinutes: z.number().int().min(0).max(120).nullable(),
  /** Calendar alarm before each session; null for none. */
  calendarAlarmMinutes: z.union([z.literal(5), z.literal(10), z.literal(15), z.literal(30)]).nullable(),
  /** Whether my notes go into the calendar's event descriptions. */
  calendarIncludeNotes: z.boolean(),
});
export type UserSettings = z.infer<typeof ZUserSettings>;

const SELECT = { walkingBufferMinutes: true, calendarAlarmMinutes: true, calendarIncludeNotes: true } as const;

export async function getUserSettings(userId: string): Promise<UserSettings> {
  const db = await getDb();
  const row = await db.user.findUniqueOrThrow({ where: { id: userId }, select: SELECT });
  return ZUserSettings.parse(row);
}

export async function updateUserSettings(userId: string, patch: Partial<UserSettings>): Promise<UserSettings> {
  const db = await getDb();
  const data = ZUserSettings.partial().parse(patch);
  const row = await db.user.update({ where: { id: userId }, data, select: SELECT });
  return ZUserSettings.parse(row);
}
