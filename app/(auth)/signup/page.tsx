import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  return (
    <>
      <h1>Create an account</h1>
      <p className="muted">Your agenda, notes and teams follow you to every device you sign in on.</p>
      <SignUpForm callbackUrl={callbackUrl ?? null} />
    </>
  );
}
