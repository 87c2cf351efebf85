import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { ZSignUp, type SignUp } from "./credentials-schema";
import { decoyHash, hashPassword, verifyPassword } from "./password-hash";

export type AccountUser = { id: string; email: string; name: string | null; role: "ADMIN" | "ATTENDEE" };
const USER_SELECT = { id: true, email: true, name: true, role: true } as const;

/**
 * The first account on an empty instance becomes admin. Done as one statement
 * after the insert so two first sign-ups at once cannot both miss it.
 */
async function promoteIfFirst(userId: string): Promise<void> {
  const db = await getDb();
  await db.$executeRaw`
    UPDATE "User" SET "role" = 'ADMIN'
    WHERE "id" = ${userId} AND NOT EXISTS (SELECT 1 FROM "User" WHERE "role" = 'ADMIN' AND "id" <> ${userId})`;
}

export async function createUser(input: SignUp & { admin?: boolean }): Promise<AccountUser> {
  const { email, password, name } = ZSignUp.parse(input);
  const db = await getDb();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", `an account for ${email} already exists; sign in instead`);
  const user = await db.user.create({
    data: { email, name: name ?? null, passwordHash: await hashPassword(password), role: input.admin ? "ADMIN" : "ATTENDEE" },
    select: { id: true },
  });
  if (!input.admin) await promoteIfFirst(user.id);
  return db.user.findUniqueOrThrow({ where: { id: user.id }, select: USER_SELECT });
}

/** Called by next-auth's adapter for accounts created by magic link or OAuth. */
export async function afterUserCreated(userId: string): Promise<void> {
  await promoteIfFirst(userId);
}

/**
 * Checks email and password. An unknown email and a wrong password get the
 * same answer (null) after the same amount of work.
 */
export async function checkCredentials(email: string, password: string): Promise<AccountUser | null> {
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { ...USER_SELECT, passwordHash: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !user.passwordHash || !ok) return null;
  const { passwordHash: _hash, ...account } = user;
  return account;
}

export async function findUserByEmail(email: string): Promise<AccountUser | null> {
  const db = await getDb();
  return db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: USER_SELECT });
}
