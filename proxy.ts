// Runs before every request (Next 16 "proxy", formerly middleware). Three defences that apply
// to all routes alike, before any page or handler runs:
//  - DNS rebinding: a Host that is not this machine's or in ALLOWED_HOSTS gets 421 (the Stripe
//    webhook and calendar feeds, authenticated by signature and token, are exempt);
//  - CSRF: a state-changing request carrying our session cookie must come from our origin (403);
//  - security headers with a per-request CSP nonce.
// Authorisation itself is not decided here: each route and page declares its policy
// (lib/auth/policy.ts) and checks it where the data is read.
import { NextResponse, type NextRequest } from "next/server";
import { isSessionCookieName } from "@/lib/auth/auth-cookie";
import { isAllowedHost, isHostCheckExempt } from "@/lib/auth/hosts";
import { isSameOrigin, isStateChanging } from "@/lib/auth/origin";
import { PEER_HEADER } from "@/lib/auth/peer";
import { config as appConfig } from "@/lib/config";
import { problemResponse } from "@/lib/http/problem";
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";

/** Request header carrying the path a page was asked for (for the sign-in return trip). */
export const PATH_HEADER = "x-bookings-path"; // read by lib/auth/page.ts

function withHeaders(response: Response, csp: string): Response {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  response.headers.set("content-security-policy", csp);
  return response;
}

export function proxy(request: NextRequest): Response {
  const cfg = appConfig();
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const { pathname, search } = request.nextUrl;

  if (!isHostCheckExempt(pathname) && !isAllowedHost(request.headers.get("host"), cfg.ALLOWED_HOSTS)) {
    return withHeaders(
      problemResponse(
        421,
        "This server does not answer to that host name. Add it to ALLOWED_HOSTS if it is yours.",
      ),
      csp,
    );
  }
  const hasSession = request.cookies.getAll().some((cookie) => isSessionCookieName(cookie.name));
  if (hasSession && isStateChanging(request.method) && !isHostCheckExempt(pathname)) {
    if (!isSameOrigin(request, cfg.TRUST_PROXY)) {
      return withHeaders(
        problemResponse(403, "Cross-site request refused: send it from this app's own pages."),
        csp,
      );
    }
  }

  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  headers.set(PATH_HEADER, `${pathname}${search}`);
  // Only server/serve.ts writes a trustworthy peer address; elsewhere (next dev) drop any sent.
  if (process.env.BOOKINGS_PEER_HEADER !== "1") headers.delete(PEER_HEADER);
  return withHeaders(NextResponse.next({ request: { headers } }), csp);
}

/**
 * Not for static files, nor for the Stripe webhook: exactly `/api/stripe/webhook` (the `$`),
 * which is exempt from every check above (Host: authenticated by signature; no session), and
 * for which running the proxy made Next copy each delivery's body (issue 14: intake speed).
 * Any other path, `/api/stripe/webhook/…` included, still passes the proxy.
 */
export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/stripe/webhook$).*)" }],
};
