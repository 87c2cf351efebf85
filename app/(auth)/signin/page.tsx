import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { enabledSignInMethods } from "@/lib/auth/auth-options";
import { getSessionUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/client/sign-in";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  if (await getSessionUser()) redirect(safeCallbackPath(callbackUrl));
  return (
    <>
      <h1>Sign in</h1>
      <SignInForm callbackUrl={callbackUrl ?? null} initialError={error ?? null} methods={enabledSignInMethods()} />
    </>
  );
}
