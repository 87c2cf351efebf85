import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext } from "@playwright/test";
import ICAL from "ical.js";
import { z } from "zod";
import { baseURL as serverUrl } from "../../playwright.config";

// Calendar apps read X-WR-CALNAME as TEXT; ical.js does not know it, so it is told to.
Object.assign(ICAL.design.icalendar.property, { "x-wr-calname": { defaultType: "text" } });

const CONFERENCE = "kafka-summit-new-york-2019";
const TITLE = "Exactly Once Semantics Revisited";
const PASSWORD = "calendar-e2e-unusual-passphrase-7";

const ZSessions = z.object({ sessions: z.array(z.object({ id: z.string(), title: z.string() })) });
const ZCsrf = z.object({ csrfToken: z.string() });

/** One account for the file: sign-ups are rate-limited per address, sign-ins far less. */
const EMAIL = `calendar-${randomBytes(4).toString("hex")}@example.org`;

// baseURL is a test-scoped fixture, out of reach of beforeAll; the config exports the same address.
test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: serverUrl });
  try {
    const signUp = await request.post("/api/v1/account/signup", {
      data: { email: EMAIL, password: PASSWORD, name: "Calendar Tester" },
      headers: { origin: serverUrl },
    });
    expect(signUp.status()).toBe(201);
  } finally {
    await request.dispose();
  }
});

/**
 * Signs in over HTTP through the page's own request context, which shares the
 * browser's cookies, so the test is not about the sign-in form. Writes carry
 * our Origin, as a browser's would.
 */
async function signIn(request: APIRequestContext, origin: string): Promise<void> {
  const { csrfToken } = ZCsrf.parse(await (await request.get("/api/auth/csrf")).json());
  const signedIn = await request.post("/api/auth/callback/credentials", {
    form: { email: EMAIL, password: PASSWORD, csrfToken, callbackUrl: "/", json: "true" },
    headers: { origin, "X-Auth-Return-Redirect": "1" },
  });
  expect(signedIn.ok()).toBe(true);
  expect((await request.get("/api/v1/me")).status()).toBe(200);
}

async function starSessionTitled(request: APIRequestContext, origin: string, title: string): Promise<string> {
  const listing = await request.get(`/api/v1/conferences/${CONFERENCE}/sessions`);
  expect(listing.status()).toBe(200);
  const session = ZSessions.parse(await listing.json()).sessions.find((candidate) => candidate.title === title);
  if (!session) throw new Error(`no session "${title}" in the demo program`);
  const starred = await request.put(`/api/v1/me/stars/${session.id}`, { data: { level: "must" }, headers: { origin } });
  expect(starred.status()).toBe(204);
  return session.id;
}

function summariesOf(ics: string): string[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((event) => String(event.getFirstPropertyValue("summary")));
}

test("the agenda page downloads the starred sessions as a calendar file", async ({ page, baseURL }) => {
  const origin = baseURL ?? "";
  await signIn(page.request, origin);
  await starSessionTitled(page.request, origin, TITLE);

  await page.goto(`/conferences/${CONFERENCE}/agenda`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download .ics" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${CONFERENCE}-agenda.ics`);

  const file = await download.path();
  const ics = await readFile(file, "utf8");
  const calendar = new ICAL.Component(ICAL.parse(ics));
  expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Kafka Summit New York 2019 — my agenda");
  expect(summariesOf(ics)).toEqual([`${TITLE} — Jason Gustafson`]);
});

test("the agenda page makes a subscription URL that serves the agenda without a cookie", async ({ page, baseURL, playwright }) => {
  const origin = baseURL ?? "";
  await signIn(page.request, origin);
  await starSessionTitled(page.request, origin, TITLE);

  await page.goto(`/conferences/${CONFERENCE}/agenda`);
  await page.getByRole("button", { name: "Create subscription URL" }).click();
  const urlField = page.getByLabel("Subscription URL");
  await expect(urlField).toHaveValue(/\/calendar\/cal_[A-Za-z0-9_-]+\.ics$/);
  await expect(page.getByRole("status").filter({ hasText: "subscription URL is ready" })).toBeVisible();
  const feedUrl = await urlField.inputValue();

  const webcal = feedUrl.replace(/^https?:\/\//, "webcal://");
  await expect(page.getByRole("link", { name: "Apple Calendar / Outlook" })).toHaveAttribute("href", webcal);
  await expect(page.getByRole("link", { name: "Add to Google Calendar" })).toHaveAttribute(
    "href",
    `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}`,
  );

  // A calendar app has no cookie: a fresh request context stands in for it.
  // The URL names the app's public host; the test server is reached at baseURL.
  const feedAddress = new URL(new URL(feedUrl).pathname, origin).href;
  const calendarApp = await playwright.request.newContext();
  try {
    const feed = await calendarApp.get(feedAddress);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(summariesOf(await feed.text())).toEqual([`${TITLE} — Jason Gustafson`]);

    await page.getByRole("button", { name: "Regenerate subscription URL" }).click();
    await expect(urlField).not.toHaveValue(feedUrl);
    expect((await calendarApp.get(feedAddress)).status()).toBe(404);
  } finally {
    await calendarApp.dispose();
  }
});
