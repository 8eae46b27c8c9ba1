// "Only me" on the schedule is remembered per browser: picking it stores a cookie, and a schedule
// URL without a walker filter (`staff=`) starts from it. The URL stays the truth (links and the
// back button keep their filter); the cookie only fills in a missing one. Browser-safe.
export const ONLY_ME_COOKIE = "schedule-only-me";

/** The walker filter a schedule URL without `staff=` starts with: the caller's own, if remembered. */
export function rememberedStaff(
  cookieValue: string | undefined,
  askedStaff: string | undefined,
  myStaffId: number | null,
): number[] | null {
  if (askedStaff !== undefined || myStaffId === null || cookieValue !== "1") return null;
  return [myStaffId];
}

/** The cookie that remembers (or forgets) "Only me" for a year, for the schedule's paths. */
export function onlyMeCookie(on: boolean): string {
  return `${ONLY_ME_COOKIE}=${on ? "1" : "0"}; path=/; max-age=${365 * 24 * 3600}; samesite=lax`;
}
