// The desktop server's background jobs, started once from instrumentation.ts: the server
// record (restore refuses while it exists and lives), daily backups, and the Stripe catch-up.
import { startBackupSchedule } from "@/lib/backup/schedule";
import { removeServerRecord, writeServerRecord } from "@/lib/backup/server-record";
import { config } from "@/lib/config";
import { scheduleCatchUp } from "@/lib/desktop/catch-up";
import { stripeApiBase, stripeReachable } from "@/lib/desktop/connectivity";
import { log } from "@/lib/log";
import { startSyncJob, syncJobIdle, syncJobStatus } from "@/lib/stripe/sync-job";

export function startServerJobs(): void {
  const cfg = config();
  writeServerRecord(cfg.dataDir, {
    pid: process.pid,
    host: process.env.HOSTNAME ?? cfg.HOST,
    port: Number(process.env.PORT ?? cfg.PORT),
    startedAt: new Date().toISOString(),
  });
  process.once("exit", () => removeServerRecord(cfg.dataDir, process.pid));
  startBackupSchedule(cfg);
  if (cfg.demoMode || cfg.STRIPE_CATCH_UP_MINUTES === 0) return;
  const base = stripeApiBase(cfg);
  scheduleCatchUp(
    {
      dataDir: cfg.dataDir,
      now: () => new Date(),
      reachable: () => stripeReachable(base),
      // Through the sync job, so a catch-up never runs beside a "Sync now".
      sync: async () => {
        if (!startSyncJob().started) return null;
        await syncJobIdle();
        return syncJobStatus().last;
      },
    },
    {
      catchUpMinutes: cfg.STRIPE_CATCH_UP_MINUTES,
      probeSeconds: cfg.STRIPE_OFFLINE_PROBE_SECONDS,
      firstDelayMs: 5_000,
    },
    (result) => {
      if (result instanceof Error) log.error({ job: "catch-up", err: result }, "catch-up failed");
      else if (result.outcome !== "synced" || result.report?.counts) {
        log.info(
          { job: "catch-up", outcome: result.outcome, offlineSince: result.status.offlineSince },
          "catch-up",
        );
      }
    },
  );
}
