import { expect, test } from "@playwright/test";
import { newAccount } from "./support/accounts";

test("a new user signs up, signs out, signs in again and deletes the account", async ({ page }) => {
  const account = newAccount("signup");
  await page.goto("/signup");
  await page.getByLabel("Name (shown to your teammates)").fill(account.name);
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill("password1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("too common");

  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("link", { name: account.name })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/signin");
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or the password is not right.");
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: account.name })).toBeVisible();

  await page.getByRole("link", { name: account.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  const deleteButton = page.getByRole("button", { name: "Delete my account" });
  await expect(deleteButton).toBeDisabled();
  await page.getByLabel(/Type your email/).fill(account.email);
  await deleteButton.click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  // The account is gone: signing in with it fails.
  await page.goto("/signin");
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or the password is not right.");
});
