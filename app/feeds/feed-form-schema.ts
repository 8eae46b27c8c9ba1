// The new-feed form (browser-safe): the select's strings become the feed scope the API takes.
import { z } from "zod";
import { TEXT_LIMITS } from "@/lib/text-limits";

const label = z
  .string()
  .trim()
  .max(TEXT_LIMITS.feedLabel, `at most ${TEXT_LIMITS.feedLabel} characters`)
  .transform((v) => (v === "" ? undefined : v));

export const feedFormSchema = z
  .object({ scope: z.string(), staffId: z.string(), clientStripeId: z.string(), label })
  .transform((v, ctx) => {
    if (v.scope === "business") return { scope: "business" as const, label: v.label };
    if (v.scope === "staff") {
      if (!/^\d+$/.test(v.staffId)) {
        ctx.addIssue({ code: "custom", path: ["staffId"], message: "choose a walker" });
        return z.NEVER;
      }
      return { scope: "staff" as const, staffId: Number(v.staffId), label: v.label };
    }
    if (!v.clientStripeId) {
      ctx.addIssue({ code: "custom", path: ["clientStripeId"], message: "choose a client" });
      return z.NEVER;
    }
    return { scope: "client" as const, clientStripeId: v.clientStripeId, label: v.label };
  });
