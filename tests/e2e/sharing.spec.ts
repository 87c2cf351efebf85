import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { newSignedInAccount } from "./support/accounts";

const SLUG = "kafka-summit-new-york-2019";
// Two talks of the demo program (they run in parallel, which does not matter here).
const A_STARS = "Lessons Learned Building a Connector Using Kafka Connect";
const B_STARS = "Complex Event Flows in Distributed Systems";

type Session = { id: string; title: string };

async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  // Contexts made by hand do not inherit the config's `use`: pin what the pages depend on.
  return browser.newContext({ baseURL, timezoneId: "America/New_York", locale: "en-US" });
}

async function sessionByTitle(request: APIRequestContext, title: string): Promise<Session> {
  const response = await request.get(`/api/v1/conferences/${SLUG}/sessions`);
  expect(response.status()).toBe(200);
  const { sessions } = (await response.json()) as { sessions: Session[] };
  const session = sessions.find((candidate) => candidate.title === title);
  if (!session) throw new Error(`no session "${title}" in the demo program`);
  return session;
}

/** Cookie-authenticated writes must carry our Origin, as the browser sends it. */
async function starOverApi(context: BrowserContext, baseURL: string, sessionId: string): Promise<void> {
  const response = await context.request.put(`/api/v1/me/stars/${sessionId}`, {
    data: { level: "must" },
    headers: { Origin: baseURL },
  });
  expect(response.status()).toBe(204);
}

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test("two colleagues form a team by invite link and see each other's stars on the team page", async ({ browser, baseURL }) => {
  const origin = baseURL!;
  const contextA = await newContext(browser, origin);
  const contextB = await newContext(browser, origin);
  const accountA = await newSignedInAccount(contextA, origin, "alice");
  const accountB = await newSignedInAccount(contextB, origin, "bob");
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();

  // A creates the team on the teams page and reads the invite link it shows once.
  await pageA.goto("/teams");
  await pageA.getByLabel("Team name").fill("Streaming crew");
  await pageA.getByRole("button", { name: "Create team" }).click();
  const inviteUrl = (await pageA.getByLabel("Invite link", { exact: true }).first().textContent())?.trim() ?? "";
  expect(inviteUrl).toMatch(/\/teams\/join\/inv_/);
  await expectNoSeriousA11yViolations(pageA);

  // B opens the link (on the test server's own host, where B's cookie lives) and joins explicitly.
  await pageB.goto(new URL(inviteUrl).pathname);
  await expect(pageB.getByRole("heading", { level: 1, name: "Join Streaming crew" })).toBeVisible();
  await pageB.getByRole("button", { name: "Join Streaming crew" }).click();
  await pageB.waitForURL(/\/teams\/(?!join\/)[^/]+$/);
  await expect(pageB.getByRole("heading", { level: 1, name: "Streaming crew", exact: true })).toBeVisible();
  const teamPath = new URL(pageB.url()).pathname;
  expect(teamPath).toMatch(/^\/teams\/[^/]+$/);

  const sessionA = await sessionByTitle(contextA.request, A_STARS);
  const sessionB = await sessionByTitle(contextB.request, B_STARS);
  await starOverApi(contextA, origin, sessionA.id);
  await starOverApi(contextB, origin, sessionB.id);

  // Each sees the other's star, by name, next to the session on the team page.
  await pageA.goto(`${teamPath}?conference=${SLUG}`);
  const teamAgendaA = pageA.getByRole("region", { name: "What the team is going to" });
  await expect(teamAgendaA.getByRole("listitem", { name: B_STARS })).toContainText(accountB.name);
  await expect(teamAgendaA.getByRole("listitem", { name: A_STARS })).toContainText(accountA.name);
  await expectNoSeriousA11yViolations(pageA);

  await pageB.goto(`${teamPath}?conference=${SLUG}`);
  const teamAgendaB = pageB.getByRole("region", { name: "What the team is going to" });
  await expect(teamAgendaB.getByRole("listitem", { name: A_STARS })).toContainText(accountA.name);
  await expect(teamAgendaB.getByRole("listitem", { name: B_STARS })).not.toContainText(accountA.name);

  // An outsider gets the 404 page for the team.
  const contextC = await newContext(browser, origin);
  await newSignedInAccount(contextC, origin, "carol");
  const outsider = await contextC.request.get(`/api/v1/teams/${teamPath.split("/").pop()}/agenda?conference=${SLUG}`);
  expect(outsider.status()).toBe(404);
  const outsiderPage = await contextC.newPage();
  const response = await outsiderPage.goto(teamPath);
  expect(response?.status()).toBe(404);

  await Promise.all([contextA.close(), contextB.close(), contextC.close()]);
});

test("a share link opened signed out shows the agenda and none of the owner's notes", async ({ browser, baseURL }) => {
  const origin = baseURL!;
  const owner = await newContext(browser, origin);
  await newSignedInAccount(owner, origin, "sharer");
  const session = await sessionByTitle(owner.request, A_STARS);
  await starOverApi(owner, origin, session.id);
  const note = "private-e2e-note: ask about offsets";
  const saved = await owner.request.put(`/api/v1/me/notes/${session.id}`, { data: { body: note }, headers: { Origin: origin } });
  expect(saved.status()).toBe(200);
  const created = await owner.request.post("/api/v1/me/share-links", { data: { conference: SLUG }, headers: { Origin: origin } });
  expect(created.status()).toBe(201);
  const { id, url } = (await created.json()) as { id: string; url: string };
  const sharePath = new URL(url).pathname;

  const anonymous = await newContext(browser, origin);
  const page = await anonymous.newPage();
  const response = await page.goto(sharePath);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kafka Summit New York 2019");
  await expect(page.getByRole("listitem", { name: A_STARS })).toBeVisible();
  await expect(page.getByText(/Times are shown in the conference's time zone/)).toBeVisible();
  await expect(page.locator("body")).not.toContainText(note);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  // Signed out: no star button, an invitation to sign in instead.
  await expect(page.getByRole("button", { name: "Star all of these in my agenda" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign in" }).last()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Deleted, the link answers 404.
  const deleted = await owner.request.delete(`/api/v1/me/share-links/${id}`, { headers: { Origin: origin } });
  expect(deleted.status()).toBe(204);
  expect((await page.goto(sharePath))?.status()).toBe(404);

  await Promise.all([owner.close(), anonymous.close()]);
});
