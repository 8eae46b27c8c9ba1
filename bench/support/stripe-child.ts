// Entry of a child process: generates a Stripe account and serves it with the local
// Stripe-compatible test server, so serving it does not compete with the measured process
// for its thread (real Stripe is another machine). One listener per entry of `servers` (each
// with its own latency and rate limit, all serving the same account). Prints
// `{"port":N,"ports":[…],"objects":N}` once listening; exits when its stdin closes.
import { z } from "zod";
import { generateOptionsSchema, generateAccount } from "@/lib/stripe-fixtures/generate";
import { startStripeServer, type StripeServer } from "@/tests/support/stripe-server";

const serverSchema = z.object({
  latencyMs: z.number().min(0).optional(),
  rateLimit: z.number().positive().optional(),
});

const argsSchema = z.object({
  apiKey: z.string(),
  account: generateOptionsSchema.extend({ now: z.coerce.date() }),
  servers: z.array(serverSchema).min(1).default([{}]),
});

async function main(): Promise<void> {
  const args = argsSchema.parse(JSON.parse(process.argv[2] ?? "{}"));
  const account = generateAccount(args.account);
  const servers: StripeServer[] = [];
  for (const options of args.servers)
    servers.push(await startStripeServer({ account, apiKey: args.apiKey, ...options }));
  const objects = Object.values(account).reduce((n, list) => n + list.length, 0);
  const ports = servers.map((server) => server.port);
  process.stdout.write(`${JSON.stringify({ port: ports[0], ports, objects })}\n`);
  process.stdin.resume();
  process.stdin.on("end", () => {
    void Promise.all(servers.map((server) => server.close())).finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
