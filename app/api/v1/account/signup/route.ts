import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/read-json";
import { apiRoute } from "@/lib/api/respond";
import { ZSignUp } from "@/lib/auth/credentials-schema";
import { SIGN_UP_PER_EMAIL, SIGN_UP_PER_IP, clientIp, hitRateLimit } from "@/lib/auth/rate-limit";
import { assertSameOrigin } from "@/lib/auth/resolve-caller";
import { createUser } from "@/lib/auth/users";

/** Creates an account with email and password; the page then signs in through next-auth. */
export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  await hitRateLimit(SIGN_UP_PER_IP, clientIp(request));
  const input = await readJson(request, ZSignUp);
  await hitRateLimit(SIGN_UP_PER_EMAIL, input.email);
  const user = await createUser(input);
  return NextResponse.json({ id: user.id, email: user.email, name: user.name, role: user.role }, { status: 201 });
});
