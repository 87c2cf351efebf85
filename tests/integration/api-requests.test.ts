import { describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { POST as createToken } from "@/app/api/v1/me/tokens/route";
import { endAllSessions } from "@/lib/auth/session-version";
import { apiRequest, bearerFor, sessionFor } from "../support/api-requests";
import { buildUser } from "../support/builders";
import { useTestDatabase } from "../support/test-database";

useTestDatabase();

describe("calling routes as a user", () => {
  it("a session cookie and an API token both identify the user; anonymous gets 401", async () => {
    const user = await buildUser();
    for (const as of [await sessionFor(user.id), await bearerFor(user.id)]) {
      const response = await getMe(apiRequest("/api/v1/me", { as }), {});
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ id: user.id, email: user.email });
    }
    const anonymous = await getMe(apiRequest("/api/v1/me"), {});
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
  });

  it("sign out everywhere ends existing session cookies", async () => {
    const user = await buildUser();
    const as = await sessionFor(user.id);
    expect((await getMe(apiRequest("/api/v1/me", { as }), {})).status).toBe(200);
    await endAllSessions(user.id);
    expect((await getMe(apiRequest("/api/v1/me", { as }), {})).status).toBe(401);
  });

  it("a cookie-authenticated write from another origin is refused; a bearer write is not", async () => {
    const user = await buildUser();
    const cookie = await sessionFor(user.id);
    const crossSite = await createToken(
      apiRequest("/api/v1/me/tokens", { method: "POST", json: { name: "x" }, as: cookie, origin: "https://evil.example" }),
      {},
    );
    expect(crossSite.status).toBe(403);
    const noOrigin = await createToken(apiRequest("/api/v1/me/tokens", { method: "POST", json: { name: "x" }, as: cookie, origin: null }), {});
    expect(noOrigin.status).toBe(403);
    const bearer = await createToken(
      apiRequest("/api/v1/me/tokens", { method: "POST", json: { name: "x" }, as: await bearerFor(user.id), origin: "https://evil.example" }),
      {},
    );
    expect(bearer.status).toBe(201);
  });
});
