// sync [--full] — mirror Stripe once and exit; a progress bar with the time left on a terminal.
import { config } from "@/lib/config";
import { createStripe, stripeOptionsFromConfig } from "@/lib/stripe/client";
import { stripeRateLimit } from "@/lib/stripe/rate-limit";
import { runSync, type SyncProgress } from "@/lib/stripe/sync";
import type { OverallProgress } from "@/lib/stripe/sync-progress";
import type { TypeCounts } from "@/lib/stripe/sync-run";
import { UsageError, say } from "@/cli/context";
import { commandLine, defineCommand } from "@/cli/spec";

/** Exit code of a sync that completed but quarantined objects (README: "completed with problems"). */
export const EXIT_COMPLETED_WITH_PROBLEMS = 3;

function countsLine(kind: string, counts: TypeCounts, perSecond: number): string {
  return `${kind.padEnd(12)} fetched ${String(counts.fetched).padStart(7)}  applied ${String(counts.applied).padStart(7)}  unchanged ${String(counts.unchanged).padStart(7)}  invalid ${String(counts.invalid).padStart(5)}  ${perSecond}/s`;
}

function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`
    : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
}

/** `[██████░░░░]  12,345 objects  2,480/s  ~1m05s left` (the bar only once the total can be estimated). */
export function progressBar(p: OverallProgress, width = 24): string {
  const total = p.remaining === null ? null : p.done + p.remaining;
  const share = total ? Math.min(1, p.done / total) : 0;
  const filled = Math.round(share * width);
  const bar =
    total === null
      ? ""
      : `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${Math.floor(share * 100)}%  `;
  const eta = p.etaSeconds === null ? "estimating…" : `~${duration(p.etaSeconds)} left`;
  return `${bar}${p.done.toLocaleString("en")} objects  ${p.perSecond.toLocaleString("en")}/s  ${eta}`;
}

export const syncCommand = defineCommand({
  name: "sync",
  usage: "[--full]",
  summary: "sync Stripe once (resumes an interrupted run); exit 3: completed, objects quarantined",
  options: { full: { type: "boolean" } },
  run: async (args, { db, out }) => {
    const cfg = config();
    const client = stripeOptionsFromConfig(cfg);
    if (!client) throw new UsageError("No STRIPE_SECRET_KEY is set: demo mode has nothing to sync.");
    const stripe = createStripe(client);
    const interactive = process.stderr.isTTY === true;
    let lastDraw = 0;
    const draw = ({ overall }: SyncProgress) => {
      const now = performance.now();
      if (!interactive || now - lastDraw < 100) return;
      lastDraw = now;
      process.stderr.write(`\r\x1b[2K${progressBar(overall)}`);
    };
    const report = await runSync(db, stripe, {
      full: args.values.full === true,
      requestsPerSecond: stripeRateLimit(cfg),
      onProgress: draw,
      client,
    });
    if (interactive) process.stderr.write("\r\x1b[2K");
    out(
      `Sync #${report.runId} (${report.mode}) ${report.status} in ${(report.durationMs / 1000).toFixed(1)} s`,
    );
    const seconds = Math.max(report.durationMs / 1000, 0.001);
    for (const [kind, counts] of Object.entries(report.counts)) {
      out(countsLine(kind, counts, Math.round(counts.fetched / seconds)));
    }
    if (report.markedDeleted) out(`Flagged ${report.markedDeleted} object(s) deleted in Stripe.`);
    if (report.refetched) out(`Fetched ${report.refetched} object(s) again to settle same-second changes.`);
    if (report.error) say(`Error: ${report.error}\nRun the command again to resume where it stopped.`);
    if (report.status !== "succeeded") return 1;
    if (report.quarantined > 0) {
      out(
        `Completed with problems: ${report.quarantined} Stripe object(s) failed validation and are quarantined ` +
          `(${report.invalid} in this run). See ${commandLine("quarantine:list")}; ${commandLine("quarantine:retry")} after an upgrade.`,
      );
      return EXIT_COMPLETED_WITH_PROBLEMS;
    }
    return 0;
  },
});
