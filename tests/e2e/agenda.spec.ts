import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { newSignedInAccount } from "./support/accounts";

const PROGRAM = "/conferences/kafka-summit-new-york-2019";
// Two talks the planner lays out in the same slot, in parallel tracks.
const FIRST = "Lessons Learned Building a Connector Using Kafka Connect";
const SECOND = "Complex Event Flows in Distributed Systems";

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test("a new user stars two parallel sessions, sees the conflict, resolves it, and keeps a note across a reload", async ({
  page,
  context,
  baseURL,
}) => {
  await newSignedInAccount(context, baseURL!);
  await page.goto(`${PROGRAM}?view=list`);
  await expectNoSeriousA11yViolations(page);

  const first = page.getByRole("button", { name: `Star ${FIRST}`, exact: true });
  const second = page.getByRole("button", { name: `Star ${SECOND}`, exact: true });
  await first.click();
  await expect(first).toHaveAttribute("aria-pressed", "true");
  await second.click();
  await expect(second).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("link", { name: /My agenda for this conference/ }).click();
  const conflicts = page.getByRole("region", { name: /Conflict/ });
  await expect(conflicts).toContainText("2 sessions overlap");
  await expect(conflicts).toContainText(FIRST);
  await expect(conflicts).toContainText(SECOND);
  await expectNoSeriousA11yViolations(page);

  await conflicts.getByRole("button", { name: `Keep ${FIRST}` }).click();
  await expect(conflicts).toContainText("No conflicts");
  // The other one stays as a backup.
  await expect(page.getByRole("button", { name: `Make ${SECOND} a must` })).toBeVisible();

  await page.getByRole("link", { name: FIRST }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: FIRST })).toBeVisible();
  const note = page.getByRole("textbox", { name: /Note/ });
  await note.fill("Ask about **error handling** in the MQ connector");
  await expect(page.getByRole("status").filter({ hasText: /Saved at/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.reload();
  await expect(page.getByRole("textbox", { name: /Note/ })).toHaveValue("Ask about **error handling** in the MQ connector");

  await page.goto("/notes");
  await expect(page.getByRole("link", { name: FIRST })).toBeVisible();
  await expect(page.locator("strong", { hasText: "error handling" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the program grid works on a 360 px phone without the page scrolling sideways", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, timezoneId: "America/New_York", baseURL });
  const page = await context.newPage();
  await page.goto(PROGRAM);
  await expect(page.getByRole("heading", { level: 1, name: "Kafka Summit New York 2019" })).toBeVisible();
  await expect(page.getByText(/laid this timetable out itself/)).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole("region", { name: "Timetable" })).toBeVisible();
  await context.close();
});

test("the program and a session page are readable without JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, timezoneId: "America/New_York", baseURL });
  const page = await context.newPage();
  await page.goto(`${PROGRAM}?view=list&track=Core%20Kafka`);
  await expect(page.getByRole("link", { name: FIRST })).toBeVisible();
  await expect(page.getByRole("link", { name: SECOND })).toHaveCount(0);
  await page.getByRole("link", { name: FIRST }).click();
  await expect(page.getByRole("heading", { level: 1, name: FIRST })).toBeVisible();
  await expect(page.getByText("Katherine Stanley")).toBeVisible();
  await expect(page.getByText(/IBM MQ sink and source connectors/)).toBeVisible();
  await context.close();
});
