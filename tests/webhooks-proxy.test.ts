// The Stripe webhook skips proxy.ts (issue 14: intake speed), and only it: every other path,
// look-alikes of the webhook's included, still passes the proxy's Host and Origin checks.
// Matched the way Next compiles a proxy matcher.
import { describe, expect, it } from "vitest";
import * as staticInfo from "next/dist/build/analysis/get-page-static-info.js";
import { config } from "@/proxy";
import { isHostCheckExempt } from "@/lib/auth/hosts";

// Next's own compiler of matchers (exported by the module, not declared in its types).
const { getMiddlewareMatchers } = staticInfo as unknown as {
  getMiddlewareMatchers: (matcher: unknown, nextConfig: object) => { regexp: string }[];
};
const matchers = getMiddlewareMatchers(config.matcher, {});
const runsProxy = (pathname: string) => matchers.some((m) => new RegExp(m.regexp).test(pathname));

describe("proxy matcher", () => {
  it("leaves out exactly the webhook path, which the proxy exempts from its checks anyway", () => {
    expect(runsProxy("/api/stripe/webhook")).toBe(false);
    expect(isHostCheckExempt("/api/stripe/webhook")).toBe(true);
  });

  it("still runs for every other path, look-alikes of the webhook included", () => {
    for (const pathname of [
      "/",
      "/api/health",
      "/api/sync",
      "/api/stripe/webhook/",
      "/api/stripe/webhooks",
      "/api/stripe/webhook.json",
      "/api/stripe/webhook/x",
      "/api/stripe/webhookx/y",
      "/_next/data/build/api/stripe/webhook.json",
      "/calendar/abc.ics",
      "/sign-in",
    ]) {
      expect(runsProxy(pathname), pathname).toBe(true);
    }
    expect(runsProxy("/_next/static/chunk.js")).toBe(false);
  });
});
