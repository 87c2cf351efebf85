import type { Metadata } from "next";
import Link from "next/link";
import { CreateTeamForm } from "@/components/sharing/create-team-form";
import { JoinTeamForm } from "@/components/sharing/join-team-form";
import { requirePageUser } from "@/lib/auth/current-user";
import { listMyTeams } from "@/lib/sharing/teams";

export const metadata: Metadata = { title: "My teams" };

export default async function TeamsPage() {
  const user = await requirePageUser("/teams");
  const teams = await listMyTeams(user.id);
  return (
    <>
      <h1>My teams</h1>
      <p className="muted">
        Teammates see each other&apos;s starred sessions, can split up over parallel talks, and read the notes you choose to share
        with the team.
      </p>
      {teams.length === 0 ? (
        <div className="empty-state">
          <h2>No teams yet</h2>
          <p>Create a team and send the invite link to your colleagues, or join one with an invite you were sent.</p>
        </div>
      ) : (
        <ul className="card-list" aria-label="Your teams">
          {teams.map((team) => (
            <li key={team.id} className="card">
              <h2>
                <Link href={`/teams/${team.id}`}>{team.name}</Link>
              </h2>
              <p className="muted">
                {team.memberCount} {team.memberCount === 1 ? "member" : "members"} · {team.isOwner ? "you are the owner" : "member"}
              </p>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="create-team-heading" className="card">
        <h2 id="create-team-heading">Create a team</h2>
        <CreateTeamForm />
      </section>
      <section aria-labelledby="join-team-heading" className="card">
        <h2 id="join-team-heading">Join a team</h2>
        <JoinTeamForm />
      </section>
    </>
  );
}
