// sync [--full] — mirror Stripe once and exit, with per-type progress on the terminal.
import { config } from "@/lib/config";
import { stripeFromConfig } from "@/lib/stripe/client";
import { runSync, type SyncProgress } from "@/lib/stripe/sync";
import { UsageError, say } from "@/cli/context";
import { defineCommand } from "@/cli/spec";

/** Exit code of a sync that completed but quarantined objects (README: "completed with problems"). */
export const EXIT_COMPLETED_WITH_PROBLEMS = 3;

function progressLine({ kind, counts, perSecond }: SyncProgress): string {
  return `${kind.padEnd(12)} fetched ${String(counts.fetched).padStart(7)}  applied ${String(counts.applied).padStart(7)}  unchanged ${String(counts.unchanged).padStart(7)}  invalid ${String(counts.invalid).padStart(5)}  ${perSecond}/s`;
}

export const sync = defineCommand({
  name: "sync",
  usage: "[--full]",
  summary: "sync Stripe once (resumes an interrupted run); exit 3: completed, objects quarantined",
  options: { full: { type: "boolean" } },
  run: async ({ values }, { db, out }) => {
    const stripe = stripeFromConfig(config());
    if (!stripe) throw new UsageError("No STRIPE_SECRET_KEY is set: demo mode has nothing to sync.");
    const interactive = process.stderr.isTTY;
    const report = await runSync(db, stripe, {
      full: values.full === true,
      onProgress: (progress) => {
        if (interactive) process.stderr.write(`\r${progressLine(progress)}`);
      },
    });
    if (interactive) process.stderr.write("\n");
    out(
      `Sync #${report.runId} (${report.mode}) ${report.status} in ${(report.durationMs / 1000).toFixed(1)} s`,
    );
    for (const [kind, counts] of Object.entries(report.counts)) {
      out(
        progressLine({
          kind,
          counts,
          perSecond: Math.round(counts.fetched / Math.max(report.durationMs / 1000, 0.001)),
        }),
      );
    }
    if (report.markedDeleted) out(`Flagged ${report.markedDeleted} object(s) deleted in Stripe.`);
    if (report.refetched) out(`Fetched ${report.refetched} object(s) again to settle same-second changes.`);
    if (report.error) say(`Error: ${report.error}\nRun the command again to resume where it stopped.`);
    if (report.status !== "succeeded") return 1;
    if (report.quarantined > 0) {
      out(
        `Completed with problems: ${report.quarantined} Stripe object(s) failed validation and are quarantined ` +
          `(${report.invalid} in this run). See ./run quarantine:list; ./run quarantine:retry after an upgrade.`,
      );
      return EXIT_COMPLETED_WITH_PROBLEMS;
    }
    return 0;
  },
});
