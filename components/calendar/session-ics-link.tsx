import { sessionDownloadPath } from "@/lib/calendar/calendar-api-schemas";

type SessionIcsLinkProps = { sessionId: string; sessionTitle: string };

/**
 * A plain link to one session's .ics file: works without JavaScript and
 * without an account, like the session page it sits on.
 */
export function SessionIcsLink({ sessionId, sessionTitle }: SessionIcsLinkProps) {
  return (
    <a href={sessionDownloadPath(sessionId)} download>
      Add to calendar (.ics)<span className="sr-only">: {sessionTitle}</span>
    </a>
  );
}
