/**
 * How a teammate is named on shared pages. Teammates see each other's name,
 * or the part of the email before the @ when no name was given: the full
 * address stays private even inside a team.
 */
export type MemberRef = { userId: string; name: string; initials: string };

export function nameMember(user: { name: string | null; email: string }): string {
  const name = user.name?.trim();
  if (name) return name;
  return user.email.split("@")[0] || "member";
}

/** "Ada Lovelace" → "AL", "grace.hopper" → "GH", "alan" → "A". */
export function initialsOf(name: string): string {
  const words = name.split(/[\s._-]+/u).filter((word) => word.length > 0);
  const first = words[0];
  if (first === undefined) return "?";
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  // Array.from splits by code point, so a name starting with an emoji or a
  // non-BMP letter keeps its first character whole.
  const letters = [Array.from(first)[0], last === undefined ? undefined : Array.from(last)[0]];
  return letters
    .filter((letter): letter is string => letter !== undefined)
    .join("")
    .toLocaleUpperCase("en-US");
}

export function refMember(user: { id: string; name: string | null; email: string }): MemberRef {
  const name = nameMember(user);
  return { userId: user.id, name, initials: initialsOf(name) };
}

/** Selected wherever a member is shown, so every page names people alike. */
export const MEMBER_USER_SELECT = { id: true, name: true, email: true } as const;
