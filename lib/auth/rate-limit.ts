// Sign-in limits per account and per address, counted from SignInAttempt rows so that they
// survive a restart. Failures count; a success does not reset the window (an attacker who
// knows one password must not unlock guessing on others from the same address).
// A sign-in reserves its attempt (a row counted as a failure) in the same IMMEDIATE transaction
// that checks the limit, before the password is checked, and a success settles the row: so
// concurrent guesses can never get more tries than the limit between them.
import type { Db } from "@/lib/db/prisma";
import type { Sqlite } from "@/lib/db/sqlite";

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
/** Failed attempts per account (normalised email) within the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failed attempts per address within the window. */
export const MAX_FAILURES_PER_ADDRESS = 20;

export interface LimitDecision {
  allowed: boolean;
  /** Seconds until the oldest counted failure leaves the window. */
  retryAfterSeconds: number;
}

/** The key an account is counted under: what Better Auth looks it up by (lower case), trimmed. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** `byAccount`/`byAddress`: times (ms) of the newest failures in the window, newest first. */
function decide(byAccount: number[], byAddress: number[], now: Date): LimitDecision {
  const blocking = [
    byAccount.length >= MAX_FAILURES_PER_ACCOUNT ? byAccount[MAX_FAILURES_PER_ACCOUNT - 1] : undefined,
    byAddress.length >= MAX_FAILURES_PER_ADDRESS ? byAddress[MAX_FAILURES_PER_ADDRESS - 1] : undefined,
  ].filter((at) => at !== undefined);
  if (blocking.length === 0) return { allowed: true, retryAfterSeconds: 0 };
  const until = Math.max(...blocking.map((at) => at + SIGN_IN_WINDOW_MS));
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

/** Read-only: would a sign-in for this account from this address be allowed now? */
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
  const times = (rows: { at: Date }[]) => rows.map((row) => row.at.getTime());
  return decide(times(byAccount), times(byAddress), input.now);
}

export async function recordSignInAttempt(
  db: Db,
  input: { email: string; ip: string; ok: boolean; now: Date },
): Promise<void> {
  await db.signInAttempt.create({
    data: { email: normaliseEmail(input.email), ip: input.ip, ok: input.ok, at: input.now },
  });
}

export type Reservation = (LimitDecision & { allowed: false }) | { allowed: true; attemptId: number };

const FAILURE_TIMES = (key: "email" | "ip") =>
  `SELECT at FROM SignInAttempt WHERE ${key} = ? AND ok = 0 AND at > ? ORDER BY at DESC LIMIT ?`;

/**
 * Atomic check-and-reserve: within one IMMEDIATE transaction, refuses when the account or the
 * address is at its limit, else stores the attempt as a failure (settled by
 * `settleSignInAttempt` when the password was right). Call before checking the password.
 */
export function reserveSignInAttempt(
  db: Sqlite,
  input: { email: string; ip: string; now: Date },
): Reservation {
  const email = normaliseEmail(input.email);
  const now = input.now.getTime();
  const since = now - SIGN_IN_WINDOW_MS;
  const reserve = db.transaction((): Reservation => {
    const times = (key: "email" | "ip", value: string, limit: number) =>
      (db.prepare(FAILURE_TIMES(key)).all(value, since, limit) as { at: number }[]).map((row) =>
        Number(row.at),
      );
    const decision = decide(
      times("email", email, MAX_FAILURES_PER_ACCOUNT),
      times("ip", input.ip, MAX_FAILURES_PER_ADDRESS),
      input.now,
    );
    if (!decision.allowed) return { ...decision, allowed: false };
    const inserted = db
      .prepare("INSERT INTO SignInAttempt (at, email, ip, ok) VALUES (?, ?, ?, 0)")
      .run(now, email, input.ip);
    // Old rows are useless for the window; trim them now and then rather than on every call.
    if (Math.random() < 0.05)
      db.prepare("DELETE FROM SignInAttempt WHERE at < ?").run(now - 2 * SIGN_IN_WINDOW_MS);
    return { allowed: true, attemptId: Number(inserted.lastInsertRowid) };
  });
  return reserve.immediate();
}

/** The reserved attempt succeeded: it no longer counts as a failure. */
export function settleSignInAttempt(db: Sqlite, attemptId: number): void {
  db.prepare("UPDATE SignInAttempt SET ok = 1 WHERE id = ?").run(attemptId);
}

/**
 * Atomic check-and-reserve of a try by address only (a link token guessed, no account named):
 * shares the per-address budget with sign-ins, since both are guesses from one address. The row
 * is stored under `label` as a failure and settled by `settleSignInAttempt` when it was right.
 */
export function reserveAddressAttempt(
  db: Sqlite,
  input: { label: string; ip: string; now: Date },
): Reservation {
  const now = input.now.getTime();
  const reserve = db.transaction((): Reservation => {
    const times = (
      db.prepare(FAILURE_TIMES("ip")).all(input.ip, now - SIGN_IN_WINDOW_MS, MAX_FAILURES_PER_ADDRESS) as {
        at: number;
      }[]
    ).map((row) => Number(row.at));
    const decision = decide([], times, input.now);
    if (!decision.allowed) return { ...decision, allowed: false };
    const inserted = db
      .prepare("INSERT INTO SignInAttempt (at, email, ip, ok) VALUES (?, ?, ?, 0)")
      .run(now, input.label, input.ip);
    return { allowed: true, attemptId: Number(inserted.lastInsertRowid) };
  });
  return reserve.immediate();
}
