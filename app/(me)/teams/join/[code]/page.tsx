import type { Metadata } from "next";
import Link from "next/link";
import { JoinInviteButton } from "@/components/sharing/join-invite-button";
import { requirePageUser } from "@/lib/auth/current-user";
import { isAppError } from "@/lib/errors/app-error";
import { previewInvite, type InvitePreview } from "@/lib/sharing/team-invites";

type Props = { params: Promise<{ code: string }> };

// The URL carries a secret: keep it out of search engines and referrers.
export const metadata: Metadata = { title: "Join a team", robots: { index: false, follow: false }, referrer: "no-referrer" };

/** Opening an invite link only shows the team; joining takes an explicit click. */
export default async function JoinTeamPage({ params }: Props) {
  const { code } = await params;
  const user = await requirePageUser(`/teams/join/${encodeURIComponent(code)}`);
  let preview: InvitePreview;
  try {
    preview = await previewInvite(code, user.id);
  } catch (error) {
    if (!isAppError(error) || (error.code !== "NOT_FOUND" && error.code !== "BAD_REQUEST")) throw error;
    return (
      <>
        <h1>This invite does not work</h1>
        <p role="alert" className="error-text">
          {error.message.charAt(0).toUpperCase() + error.message.slice(1)}.
        </p>
        <p>
          <Link href="/teams">Go to my teams</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Join {preview.teamName}</h1>
      {preview.alreadyMember ? (
        <p>
          You are already a member. <Link href={`/teams/${preview.teamId}`}>Open {preview.teamName}</Link>
        </p>
      ) : (
        <>
          <p>
            You were invited to <strong>{preview.teamName}</strong> ({preview.memberCount}{" "}
            {preview.memberCount === 1 ? "member" : "members"}). Members see each other&apos;s starred sessions; your notes stay
            private unless you share one with the team.
          </p>
          <JoinInviteButton code={code} teamName={preview.teamName} />
        </>
      )}
    </>
  );
}
