/**
 * Browser-side calls to our JSON API: errors come back as
 * `{ error: { code, message } }` and are thrown as ApiError carrying the
 * server's message, which forms show as is.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const response = await fetch(path, {
    ...rest,
    headers: { ...(json !== undefined ? { "Content-Type": "application/json" } : {}), ...rest.headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
    credentials: "same-origin",
  });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    const error =
      body && typeof body === "object" && "error" in body && body.error && typeof body.error === "object"
        ? (body.error as { code?: unknown; message?: unknown })
        : {};
    throw new ApiError(
      response.status,
      typeof error.code === "string" ? error.code : "HTTP_" + response.status,
      typeof error.message === "string" ? error.message : `The server answered ${response.status}.`,
    );
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The message to show for a failed call: the server's own (it says what was wrong), or `fallback`. */
export function messageOf(caught: unknown, fallback: string): string {
  return caught instanceof ApiError ? caught.message : fallback;
}
