// "Only me" on the schedule is remembered (lib/schedule/only-me.ts): the cookie fills in a URL
// that names no walker filter, never overrides one that does, and means nothing without a walker.
import { describe, expect, it } from "vitest";
import { ONLY_ME_COOKIE, onlyMeCookie, rememberedStaff } from "@/lib/schedule/only-me";

describe("Only me, remembered", () => {
  it("fills in the walker's own filter only when the URL has none and it was picked", () => {
    expect(rememberedStaff("1", undefined, 7)).toEqual([7]);
    expect(rememberedStaff("1", "", 7)).toBeNull(); // "All walkers" asked for explicitly
    expect(rememberedStaff("1", "none", 7)).toBeNull();
    expect(rememberedStaff("0", undefined, 7)).toBeNull();
    expect(rememberedStaff(undefined, undefined, 7)).toBeNull();
    expect(rememberedStaff("1", undefined, null)).toBeNull();
  });

  it("writes a year-long cookie for the whole app, on and off", () => {
    expect(onlyMeCookie(true)).toMatch(
      new RegExp(`^${ONLY_ME_COOKIE}=1; path=/; max-age=31536000; samesite=lax$`),
    );
    expect(onlyMeCookie(false)).toMatch(new RegExp(`^${ONLY_ME_COOKIE}=0;`));
  });
});
