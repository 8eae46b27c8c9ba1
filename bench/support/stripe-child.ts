// Entry of a child process: generates a Stripe account and serves it with the local
// Stripe-compatible test server, so serving it does not compete with the measured process
// for its thread (real Stripe is another machine). Prints `{"port":N,"objects":N}` once
// listening; exits when its stdin closes (the parent stopped or died).
import { z } from "zod";
import { generateOptionsSchema, generateAccount } from "@/lib/stripe-fixtures/generate";
import { startStripeServer } from "@/tests/support/stripe-server";

const argsSchema = z.object({
  apiKey: z.string(),
  account: generateOptionsSchema.extend({ now: z.coerce.date() }),
});

async function main(): Promise<void> {
  const args = argsSchema.parse(JSON.parse(process.argv[2] ?? "{}"));
  const account = generateAccount(args.account);
  const server = await startStripeServer({ account, apiKey: args.apiKey });
  const objects = Object.values(account).reduce((n, list) => n + list.length, 0);
  process.stdout.write(`${JSON.stringify({ port: server.port, objects })}\n`);
  process.stdin.resume();
  process.stdin.on("end", () => {
    void server.close().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
