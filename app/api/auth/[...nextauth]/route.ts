import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/respond";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { SIGN_IN_PER_EMAIL, SIGN_IN_PER_IP, clientIp, hitRateLimit } from "@/lib/auth/rate-limit";

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's own routes. Password sign-ins and magic-link requests are
 * counted against per-IP and per-email limits first (429 with Retry-After).
 */
async function handler(request: NextRequest, context: Context) {
  const path = new URL(request.url).pathname;
  if (request.method === "POST" && (path.endsWith("/callback/credentials") || path.endsWith("/signin/email"))) {
    try {
      const form = await request.clone().formData();
      const email = String(form.get("email") ?? "");
      await hitRateLimit(SIGN_IN_PER_IP, clientIp(request));
      if (email) await hitRateLimit(SIGN_IN_PER_EMAIL, email);
    } catch (error) {
      return errorResponse(error);
    }
  }
  return NextAuth(request, context, await getAuthOptions());
}

export { handler as GET, handler as POST };
