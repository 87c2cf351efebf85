import { expect, test } from "@playwright/test";

test("the home page lists the conferences in the database", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Conferences" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Kafka Summit New York 2019" })).toBeVisible();
  await expect(page.getByText("34 sessions")).toBeVisible();
  await expect(page.getByText(/laid this timetable out itself/)).toBeVisible();
});
