// The session cookie's name, without loading Better Auth (proxy.ts only needs the name).
export const COOKIE_PREFIX = "bookings";

/** True for the cookie Better Auth keeps the session token in (plain or __Secure- prefixed). */
export function isSessionCookieName(name: string): boolean {
  return name.replace(/^__Secure-/, "") === `${COOKIE_PREFIX}.session_token`;
}
