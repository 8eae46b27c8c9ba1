// Sign-in limits per account and per address, counted from SignInAttempt rows so that they
// survive a restart. Failures count; a success does not reset the window (an attacker who
// knows one password must not unlock guessing on others from the same address).
import type { Db } from "@/lib/db/prisma";

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
/** Failed attempts per account (email as typed) within the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failed attempts per address within the window. */
export const MAX_FAILURES_PER_ADDRESS = 20;

export interface LimitDecision {
  allowed: boolean;
  /** Seconds until the oldest counted failure leaves the window. */
  retryAfterSeconds: number;
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export async function checkSignInLimit(
  db: Db,
  input: { email: string; ip: string; now: Date },
): Promise<LimitDecision> {
  const since = new Date(input.now.getTime() - SIGN_IN_WINDOW_MS);
  const email = normaliseEmail(input.email);
  const [byAccount, byAddress] = await Promise.all([
    db.signInAttempt.findMany({
      where: { email, ok: false, at: { gt: since } },
      orderBy: { at: "desc" },
      take: MAX_FAILURES_PER_ACCOUNT,
      select: { at: true },
    }),
    db.signInAttempt.findMany({
      where: { ip: input.ip, ok: false, at: { gt: since } },
      orderBy: { at: "desc" },
      take: MAX_FAILURES_PER_ADDRESS,
      select: { at: true },
    }),
  ]);
  const blocking = [
    byAccount.length >= MAX_FAILURES_PER_ACCOUNT ? byAccount.at(-1) : undefined,
    byAddress.length >= MAX_FAILURES_PER_ADDRESS ? byAddress.at(-1) : undefined,
  ].filter((row) => row !== undefined);
  if (blocking.length === 0) return { allowed: true, retryAfterSeconds: 0 };
  const until = Math.max(...blocking.map((row) => row.at.getTime() + SIGN_IN_WINDOW_MS));
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - input.now.getTime()) / 1000)) };
}

export async function recordSignInAttempt(
  db: Db,
  input: { email: string; ip: string; ok: boolean; now: Date },
): Promise<void> {
  await db.signInAttempt.create({
    data: { email: normaliseEmail(input.email), ip: input.ip, ok: input.ok, at: input.now },
  });
  // Old rows are useless for the window; trim them now and then rather than on every call.
  if (Math.random() < 0.05) {
    await db.signInAttempt.deleteMany({
      where: { at: { lt: new Date(input.now.getTime() - 2 * SIGN_IN_WINDOW_MS) } },
    });
  }
}
