/**
 * One row of the authorization matrix (tests/integration/route-authorization.test.ts).
 *
 * Every method exported by every app/api/v1/…/route.ts needs at least one
 * case; the matrix fails, listing them, for any that has none. Cases live in
 * per-domain files in this folder, each exporting
 *
 *     export const routeCases: RouteCase[] = [ … ];
 *
 * (every .ts file here other than this one must export `routeCases`).
 *
 * For a case that is not public the matrix runs, each time with a fresh owner
 * from buildUser() (no password, role ATTENDEE) and a fresh `prepare(owner)`:
 *   - no credentials                                      → 401
 *   - the owner's revoked API token                       → 401
 *   - the owner's session from before "sign out everywhere" → 401
 *   - another signed-in user (session) with the owner's call → `otherUserStatus`;
 *     after these four calls the owner's data must be unchanged (the owner's
 *     User row, every row whose "userId", "ownerId" or "createdById" is the
 *     owner, and `ownerState` when given), and the other user's response must
 *     not contain the owner's id, email or any of `ownerOnly`
 *   - the owner's own session                             → 2xx
 *   - the owner's own API token (with a fresh owner)      → 2xx
 * A public case is called without credentials and must answer 2xx.
 *
 * For an admin-only route, make the owner an admin in `prepare` (set role
 * ADMIN); the other user stays an attendee, so expect 403 from them.
 *
 * Example:
 *
 *     {
 *       route: "me/tokens/[id]",
 *       method: "DELETE",
 *       otherUserStatus: 404,
 *       async prepare(owner) {
 *         const token = await createApiToken(owner.id, "mine");
 *         return { params: { id: token.id } };
 *       },
 *     }
 */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";

/** The user whose data a case acts on. */
export type RouteOwner = { id: string; email: string };

/** How to call the route on the owner's behalf; `prepare` returns it. */
export type PreparedCall = {
  /** The route's dynamic segments by name: { id: "…" } for "me/tokens/[id]". */
  params?: Record<string, string>;
  /** Query parameters, e.g. { conference: slug }. */
  query?: Record<string, string>;
  /** A JSON body, sent as is. */
  body?: unknown;
  /** Text only the owner's data holds (a note's body, a resource id), which another user's call must not return. */
  ownerOnly?: string[];
};

type CommonCase = {
  /** The route's folder under app/api/v1, as on disk: "me/tokens/[id]", "me/agenda.ics". */
  route: string;
  method: HttpMethod;
  /** Creates what the call needs (owned by `owner`) and says how to call. */
  prepare(owner: RouteOwner): Promise<PreparedCall>;
};

/** Answers anyone, signed in or not. */
export type PublicRouteCase = CommonCase & { public: true };

/** Needs a signed-in caller. */
export type ProtectedRouteCase = CommonCase & {
  public?: false;
  /**
   * The status when ANOTHER signed-in user makes the owner's call: usually 404
   * for the owner's resources, or 200/201/204 when the route only ever acts
   * on the caller's own data.
   */
  otherUserStatus: number;
  /** More of the owner's state to compare before and after the other user's call, beyond the default rows. */
  ownerState?(owner: RouteOwner, call: PreparedCall): Promise<unknown>;
};

export type RouteCase = PublicRouteCase | ProtectedRouteCase;
