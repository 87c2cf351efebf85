import { ApiError } from "@/lib/client/api-fetch";

/** The server's own message for a failed call (it says what was wrong), or a generic one. */
export function ErrorMessage({ error }: { error: Error | null }) {
  if (error === null) return null;
  return (
    <p role="alert" className="error-text">
      {error instanceof ApiError ? error.message : "That did not work. Check your connection and try again."}
    </p>
  );
}
