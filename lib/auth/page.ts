// Page policy: every page calls one of these first. An anonymous visitor is sent to /sign-in
// and comes back afterwards; a signed-in user without the role gets the "no permission" page.
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { principalFromCookies, type UserPrincipal } from "@/lib/auth/principal";
import { safeNextPath } from "@/lib/auth/next-path";
import { roleAllows } from "@/lib/auth/policy";
import type { Role } from "@/lib/auth/users";

/** Request header proxy.ts sets to the path asked for. */
const PATH_HEADER = "x-bookings-path";

export { safeNextPath };

export function signInPath(next: string): string {
  return next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
}

/** One session lookup per request, shared by the layout and the page. */
const currentUser = cache(async () => principalFromCookies(await headers()));

/** The signed-in user, or a redirect to /sign-in (anonymous) or the 403 page (wrong role). */
export async function requirePage(access: Role): Promise<UserPrincipal> {
  const principal = await currentUser();
  if (!principal) redirect(signInPath(safeNextPath((await headers()).get(PATH_HEADER))));
  if (!roleAllows(principal.role, access)) forbidden();
  return principal;
}

/** A page anyone may see; the signed-in user (if any) for pages that show more to them. */
export async function publicPage(): Promise<UserPrincipal | null> {
  return currentUser();
}
