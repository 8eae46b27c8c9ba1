// The real production server (`server/serve.ts` → `.next/standalone/server.js`) as a child
// process on a free port, for tests that kill it or starve it.
import { existsSync } from "node:fs";
import path from "node:path";
import { freePort, REPO_ROOT, spawnEntry, waitFor, type Child } from "@/tests/support/faults/processes";

export const WEBHOOK_SECRET = "whsec_fault_tests_secret";
export const API_KEY = "sk_test_fault_tests";

export interface AppServer {
  url: string;
  port: number;
  child: Child;
}

export const standaloneBuilt = (): boolean =>
  existsSync(path.join(REPO_ROOT, ".next", "standalone", "server.js"));

/** The environment of a child (server or CLI) on `dataDir`, talking to a local Stripe server when given its port. */
export function childEnv(
  dataDir: string,
  stripePort?: number,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_SECRET_KEY: API_KEY,
    STRIPE_API_HOST: "127.0.0.1",
    // Without a Stripe server, a closed port: nothing may need the API then.
    STRIPE_API_PORT: String(stripePort ?? 9),
    STRIPE_API_PROTOCOL: "http",
    LOG_LEVEL: "warn",
    // The tests drive syncs themselves: no background Events API catch-up (lib/desktop/catch-up.ts).
    STRIPE_CATCH_UP_MINUTES: "0",
    ...extra,
  };
}

/** Starts the server and resolves once /api/health answers 200; rejects with its stderr if it dies first. */
export async function startAppServer(
  dataDir: string,
  options: { stripePort?: number; port?: number; env?: Record<string, string> } = {},
): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  const child = spawnEntry(
    "server/serve.ts",
    [],
    childEnv(dataDir, options.stripePort, { PORT: String(port), ...options.env }),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exit) throw new Error(`server exited (${JSON.stringify(child.exit)}):\n${child.stderr()}`);
      try {
        const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
        return response.status === 200;
      } catch {
        return false;
      }
    },
    { timeoutMs: 45_000, intervalMs: 100, what: "the server's /api/health" },
  );
  return { url, port, child };
}
