import { createApiToken } from "@/lib/auth/api-tokens";
import { hashPassword } from "@/lib/auth/password-hash";
import { updateUserSettings } from "@/lib/auth/user-settings";
import { getDb } from "@/lib/db/client";
import { uniqueName } from "../../support/test-database";
import type { RouteCase, RouteOwner } from "./route-case";

/** Authorization cases for the account routes: the caller's profile, tokens, password, data and settings. */

const OLD_PASSWORD = "the owner's old passphrase";

/** Gives the owner a password, so a password change by someone else would show in the owner's row. */
async function givePassword(owner: RouteOwner): Promise<void> {
  const db = await getDb();
  await db.user.update({ where: { id: owner.id }, data: { passwordHash: await hashPassword(OLD_PASSWORD) } });
}

/** A token of the owner's that the call could list, export or revoke; its id and name are the owner's alone. */
async function ownerToken(owner: RouteOwner): Promise<{ id: string; name: string }> {
  const { id, name } = await createApiToken(owner.id, uniqueName("owner-script"));
  return { id, name };
}

export const routeCases: RouteCase[] = [
  {
    route: "me",
    method: "GET",
    otherUserStatus: 200,
    prepare: async () => ({}),
  },
  {
    route: "me",
    method: "PATCH",
    otherUserStatus: 200,
    prepare: async () => ({ body: { name: "Renamed by the call" } }),
  },
  {
    route: "me",
    method: "DELETE",
    // Deletes the caller's own account; the owner's must survive (its User row is compared).
    otherUserStatus: 204,
    prepare: async () => ({}),
  },
  {
    route: "me/tokens",
    method: "GET",
    otherUserStatus: 200,
    async prepare(owner) {
      const token = await ownerToken(owner);
      return { ownerOnly: [token.id, token.name] };
    },
  },
  {
    route: "me/tokens",
    method: "POST",
    otherUserStatus: 201,
    prepare: async () => ({ body: { name: "made by the call" } }),
  },
  {
    route: "me/tokens/[id]",
    method: "DELETE",
    otherUserStatus: 404,
    prepare: async (owner) => ({ params: { id: (await ownerToken(owner)).id } }),
  },
  {
    route: "me/password",
    method: "PUT",
    // The other user (no password yet) sets their own; the owner's hash and session version must not move.
    otherUserStatus: 204,
    async prepare(owner) {
      await givePassword(owner);
      return { body: { currentPassword: OLD_PASSWORD, newPassword: "a brand new passphrase" } };
    },
  },
  {
    route: "me/export",
    method: "GET",
    otherUserStatus: 200,
    async prepare(owner) {
      const token = await ownerToken(owner);
      return { ownerOnly: [token.id, token.name] };
    },
  },
  {
    route: "me/sign-out-everywhere",
    method: "POST",
    // Ends the caller's own sessions; the owner's session version is in the compared User row.
    otherUserStatus: 204,
    prepare: async () => ({}),
  },
  {
    route: "me/settings",
    method: "GET",
    otherUserStatus: 200,
    prepare: async () => ({}),
  },
  {
    route: "me/settings",
    method: "PATCH",
    otherUserStatus: 200,
    async prepare(owner) {
      await updateUserSettings(owner.id, { walkingBufferMinutes: 7, calendarIncludeNotes: false });
      return { body: { walkingBufferMinutes: 25, calendarIncludeNotes: true } };
    },
  },
  {
    route: "account/signup",
    method: "POST",
    public: true,
    prepare: async () => ({ body: { email: `${uniqueName("signup")}@example.org`, password: "a long enough passphrase" } }),
  },
  {
    route: "conferences",
    method: "GET",
    public: true,
    prepare: async () => ({}),
  },
];
