import { NextResponse, type NextRequest } from "next/server";
import { SECURITY_HEADERS, buildContentSecurityPolicy } from "@/lib/security/content-security-policy";
import { sharePageHeaders } from "@/lib/sharing/share-page-headers";

/** Adds a fresh CSP nonce and the security headers to every request. */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = buildContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries({ ...SECURITY_HEADERS, ...sharePageHeaders(request.nextUrl.pathname) })) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
