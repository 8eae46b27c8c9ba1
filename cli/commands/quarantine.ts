// quarantine:list, quarantine:retry — Stripe objects that failed validation (lib/stripe/quarantine.ts).
import { UsageError } from "@/cli/context";
import { defineCommand } from "@/cli/spec";
import { listQuarantine, quarantineSummary, retryQuarantine } from "@/lib/stripe/quarantine";

export const quarantineList = defineCommand({
  name: "quarantine:list",
  usage: "[--limit N]",
  summary: "Stripe objects that failed validation, with their errors",
  options: { limit: { type: "string" } },
  run: async ({ values }, { db, out }) => {
    const limit = values.limit === undefined ? 100 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1)
      throw new UsageError("--limit must be a positive whole number.");
    const summary = quarantineSummary(db);
    if (summary.total === 0) {
      out("The quarantine is empty.");
      return 0;
    }
    out(`${summary.total} quarantined object(s):`);
    for (const entry of listQuarantine(db, limit)) {
      out(
        `${entry.kind.padEnd(12)} ${entry.stripeId.padEnd(28)} since ${entry.firstSeenAt.toISOString()}  tries ${entry.attempts}  ${entry.error}`,
      );
    }
    return 0;
  },
});

export const quarantineRetry = defineCommand({
  name: "quarantine:retry",
  usage: "",
  summary: "validate and ingest quarantined objects again; those that pass leave the quarantine",
  run: async (_args, { db, now, out }) => {
    const result = retryQuarantine(db, { now });
    out(`Retried ${result.tried}: ${result.released} mirrored, ${result.invalid} still invalid.`);
    return result.invalid > 0 ? 3 : 0;
  },
});
