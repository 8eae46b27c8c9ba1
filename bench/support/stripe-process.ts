// Starts bench/support/stripe-child.ts and waits for its port.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { z } from "zod";
import { ROOT } from "@/bench/support/server";
import type { GenerateOptions } from "@/lib/stripe-fixtures/generate";

export interface StripeServerSettings {
  latencyMs?: number;
  rateLimit?: number;
}

export interface StripeProcess {
  port: number;
  /** One port per requested server (same account, each with its own latency and rate limit). */
  ports: number[];
  /** Top-level objects in the generated account. */
  objects: number;
  stop(): Promise<void>;
}

const readySchema = z.object({
  port: z.number().int(),
  ports: z.array(z.number().int()),
  objects: z.number().int(),
});

/** A local Stripe-compatible server for a generated account, in its own process. */
export async function startStripeProcess(
  apiKey: string,
  account: GenerateOptions,
  servers: StripeServerSettings[] = [{}],
): Promise<StripeProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "bench/support/stripe-child.ts", JSON.stringify({ apiKey, account, servers })],
    { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the Stripe test server process exited (${code})`)));
  });
  const ready = readySchema.parse(JSON.parse(line));
  return {
    ...ready,
    stop: async () => {
      child.stdin.end();
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
