import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <>
      <h1>Check your email</h1>
      <p>We sent you a sign-in link. It works once and expires in 24 hours.</p>
      <p>
        No mail? Look in your spam folder, or <Link href="/signin">ask for a new link</Link>.
      </p>
    </>
  );
}
