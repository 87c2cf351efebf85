import { expect, test } from "@playwright/test";
import { mailboxURL } from "../../playwright.config";
import { newAccount } from "./support/accounts";

/** Quoted-printable (RFC 2045) as nodemailer writes it: soft line breaks and =XX bytes. */
function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

test("a magic link sent through a real SMTP server signs a new user in", async ({ page, request, baseURL }) => {
  const { email } = newAccount("magic");
  await page.goto("/signin");
  await page.getByLabel("Email for the link").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your inbox" })).toBeVisible();

  let link: string | undefined;
  await expect
    .poll(async () => {
      const { messages } = (await (await request.get(mailboxURL)).json()) as { messages: { to: string[]; raw: string }[] };
      const mail = messages.find((message) => message.to.includes(email));
      link = mail ? decodeQuotedPrintable(mail.raw).match(/https?:\/\/[^\s"<>]+\/api\/auth\/callback\/email\?[^\s"<>]+/)?.[0] : undefined;
      return link;
    })
    .toBeTruthy();
  expect(link!.startsWith(baseURL!)).toBe(true);

  await page.goto(link!.replace(/&amp;/g, "&"));
  await expect(page.getByRole("link", { name: email })).toBeVisible();
  const me = await page.request.get("/api/v1/me");
  expect(await me.json()).toMatchObject({ email });
});
