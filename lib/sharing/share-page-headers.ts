/**
 * Response headers for public share pages. A share URL is a secret: search
 * engines must not index what they might find through a leaked link, and
 * the page must not hand its address to other sites as a referrer. Pages
 * cannot set response headers themselves, so the proxy applies these.
 */
export function sharePageHeaders(pathname: string): Record<string, string> {
  if (!pathname.startsWith("/share/")) return {};
  return { "X-Robots-Tag": "noindex, nofollow", "Referrer-Policy": "no-referrer" };
}
