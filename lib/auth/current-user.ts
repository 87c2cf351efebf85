import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuthOptions } from "./auth-options";
import { userForSession } from "./session-version";
import type { AccountUser } from "./users";

/**
 * The signed-in user of the browser session, or null. The layout and the page
 * both ask during one render; React's cache answers the second from the first,
 * so the session is decoded and checked against the database once per request.
 */
export const getSessionUser = cache(async (): Promise<AccountUser | null> => {
  const session = await getServerSession(await getAuthOptions());
  return userForSession(session?.user?.id, session?.sv);
});

/** For pages that need a user: sends everyone else to sign in and back. */
export async function requirePageUser(returnTo: string): Promise<AccountUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
