// Phone sign-in without a terminal. Two ways to one result, an API token acting for the person
// who approved (ApiToken.userId, their walker link, deviceName = the phone's name, scope write):
//  - device flow (RFC 8628): the phone asks (`startDeviceAuthorization`), a signed-in person
//    approves its user code (`decideDeviceAuthorization`), the phone polls (`pollDeviceToken`);
//  - pairing code: a signed-in person's screen makes a code shown as a QR code
//    (`createPairing`), the phone redeems it once (`redeemPairing`).
// Every code lives 10 minutes and yields at most one token (a conditional update marks it used
// in the transaction that creates the token). Listing and revoking are in lib/auth/device-list.ts.
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/auth/audit";
import {
  formatUserCode,
  newDeviceCode,
  newUserCode,
  normaliseUserCode,
  recordFailure,
  retryAfterFailures,
  sha256,
} from "@/lib/auth/device-codes";
import { hashToken } from "@/lib/auth/tokens";
import type { Role } from "@/lib/auth/users";
import type { Db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/problem";

export const DEVICE_CODE_TTL_MS = 10 * 60_000;
export const POLL_INTERVAL_S = 5;
/** A poll this much early still counts as on time (network jitter between two polls). */
const POLL_TOLERANCE_MS = 1_000;
/** Failed user-code tries a minute, per signed-in account, per address, and for everyone. */
export const MAX_CODE_FAILURES = { perAccount: 5, perAddress: 10, overall: 30 } as const;

/** The error codes of RFC 8628 §3.5 and RFC 6749 §5.2 the token endpoint answers. */
export type DeviceGrantError =
  "authorization_pending" | "slow_down" | "access_denied" | "expired_token" | "invalid_grant";

export type GrantResult =
  | { ok: true; token: string; tokenId: number; scope: "write" }
  | { ok: false; error: DeviceGrantError; retryAfter?: number };

export interface Approver {
  userId: string;
  email: string;
  role: Role;
  staffId: number | null;
}

const PREFIX = "sbk_";

function mayPair(user: Approver): void {
  // A staff token without a walker would act for the whole business (lib/api/v1/scope.ts).
  if (user.role === "staff" && user.staffId === null) {
    throw new HttpError(
      409,
      "Your account is not linked to a walker, so a phone cannot act for you yet; ask the owner to link it.",
    );
  }
}

/** Inserts with a fresh user code, retrying the rare clash with another row's code. */
async function insertWithCode(
  db: Db,
  data: Omit<Prisma.DeviceAuthorizationUncheckedCreateInput, "userCodeHash">,
  now: Date,
) {
  await db.deviceAuthorization.deleteMany({
    where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } },
  });
  for (let attempt = 0; ; attempt++) {
    const userCode = newUserCode();
    const userCodeHash = sha256(userCode);
    if (attempt < 4 && (await db.deviceAuthorization.findUnique({ where: { userCodeHash } }))) continue;
    const row = await db.deviceAuthorization.create({ data: { ...data, userCodeHash } });
    return { row, userCode };
  }
}

/** A new device authorization for the phone named `deviceName` (RFC 8628 §3.2). */
export async function startDeviceAuthorization(db: Db, input: { deviceName: string; now: Date }) {
  const deviceCode = newDeviceCode();
  const { userCode } = await insertWithCode(
    db,
    {
      kind: "device",
      deviceCodeHash: sha256(deviceCode),
      deviceName: input.deviceName,
      interval: POLL_INTERVAL_S,
      expiresAt: new Date(input.now.getTime() + DEVICE_CODE_TTL_MS),
      createdAt: input.now,
    },
    input.now,
  );
  return {
    deviceCode,
    userCode: formatUserCode(userCode),
    expiresIn: DEVICE_CODE_TTL_MS / 1000,
    interval: POLL_INTERVAL_S,
  };
}

/** The token for an approved row; the row is marked used in the same transaction, or nothing. */
async function issueToken(
  db: Db,
  rowId: number,
  deviceName: string,
  now: Date,
  ip?: string,
): Promise<GrantResult> {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const issued = await db.$transaction(async (tx) => {
    const used = await tx.deviceAuthorization.updateMany({
      where: { id: rowId, status: "approved", expiresAt: { gt: now } },
      data: { status: "used", deviceName },
    });
    if (used.count !== 1) return null;
    const row = await tx.deviceAuthorization.findUniqueOrThrow({ where: { id: rowId } });
    const user = row.userId ? await tx.user.findUnique({ where: { id: row.userId } }) : null;
    // The account was disabled (or unlinked) since it approved: no token.
    if (!user || user.disabled || (user.role !== "owner" && user.staffId === null)) {
      await tx.deviceAuthorization.update({ where: { id: rowId }, data: { status: "denied" } });
      return "denied" as const;
    }
    const created = await tx.apiToken.create({
      data: {
        name: deviceName,
        deviceName,
        userId: user.id,
        // The owner's phone sees what the owner's session sees: the whole business.
        staffId: user.role === "owner" ? null : user.staffId,
        scope: "write",
        tokenHash: hashToken(token),
        prefix: token.slice(0, PREFIX.length + 6),
        createdAt: now,
      },
    });
    await tx.deviceAuthorization.update({ where: { id: rowId }, data: { tokenId: created.id } });
    return { tokenId: created.id, email: user.email, kind: row.kind };
  });
  if (issued === null) return { ok: false, error: "invalid_grant" };
  if (issued === "denied") return { ok: false, error: "access_denied" };
  await recordAudit(db, {
    type: "token-created",
    actor: issued.email,
    target: deviceName,
    ip,
    detail: { tokenId: issued.tokenId, scope: "write", device: issued.kind },
    at: now,
  });
  return { ok: true, token, tokenId: issued.tokenId, scope: "write" };
}

/** One poll of the token endpoint with a device code (RFC 8628 §3.4–3.5). */
export async function pollDeviceToken(
  db: Db,
  input: { deviceCode: string; now: Date; address?: string },
): Promise<GrantResult> {
  const row = await db.deviceAuthorization.findUnique({
    where: { deviceCodeHash: sha256(input.deviceCode) },
  });
  if (!row || row.kind !== "device" || row.status === "used") return { ok: false, error: "invalid_grant" };
  if (row.expiresAt <= input.now) return { ok: false, error: "expired_token" };
  const since = row.lastPolledAt ? input.now.getTime() - row.lastPolledAt.getTime() : Infinity;
  if (since < row.interval * 1000 - POLL_TOLERANCE_MS) {
    await db.deviceAuthorization.update({
      where: { id: row.id },
      data: { interval: row.interval + 5, lastPolledAt: input.now },
    });
    return { ok: false, error: "slow_down" };
  }
  await db.deviceAuthorization.update({ where: { id: row.id }, data: { lastPolledAt: input.now } });
  if (row.status === "pending") return { ok: false, error: "authorization_pending" };
  if (row.status === "denied") return { ok: false, error: "access_denied" };
  return issueToken(db, row.id, row.deviceName ?? "Phone", input.now, input.address);
}

/** Throws 429 when a caller has guessed codes too often; `keys` name the caller. */
function checkCodeLimit(keys: { account?: string; address?: string }, now: Date): void {
  const waits = [
    keys.account ? retryAfterFailures(`account:${keys.account}`, MAX_CODE_FAILURES.perAccount, now) : 0,
    keys.address ? retryAfterFailures(`address:${keys.address}`, MAX_CODE_FAILURES.perAddress, now) : 0,
    retryAfterFailures("overall", MAX_CODE_FAILURES.overall, now),
  ];
  const wait = Math.max(...waits);
  if (wait > 0) {
    throw new HttpError(429, `Too many wrong codes; try again in ${wait} s.`, undefined, {
      "retry-after": String(wait),
    });
  }
}

function failed(keys: { account?: string; address?: string }, now: Date): void {
  if (keys.account) recordFailure(`account:${keys.account}`, now);
  if (keys.address) recordFailure(`address:${keys.address}`, now);
  recordFailure("overall", now);
}

export interface PendingDevice {
  id: number;
  userCode: string;
  deviceName: string;
  createdAt: Date;
  expiresAt: Date;
}

/** The phone waiting for this user code, or null (a failed try, limited: 429 past the limit). */
export async function findPendingDevice(
  db: Db,
  input: { userCode: string; userId: string; now: Date },
): Promise<PendingDevice | null> {
  const keys = { account: input.userId };
  checkCodeLimit(keys, input.now);
  const code = normaliseUserCode(input.userCode);
  const row = code
    ? await db.deviceAuthorization.findUnique({ where: { userCodeHash: sha256(code) } })
    : null;
  if (!code || !row || row.kind !== "device" || row.status !== "pending" || row.expiresAt <= input.now) {
    failed(keys, input.now);
    return null;
  }
  return {
    id: row.id,
    userCode: formatUserCode(code),
    deviceName: row.deviceName ?? "Phone",
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}

/** Approves or denies the phone waiting for `userCode`; 404 when none is (any more). */
export async function decideDeviceAuthorization(
  db: Db,
  input: { userCode: string; approve: boolean; user: Approver; now: Date },
): Promise<{ deviceName: string; status: "approved" | "denied" }> {
  if (input.approve) mayPair(input.user);
  const pending = await findPendingDevice(db, { ...input, userId: input.user.userId });
  const status = input.approve ? "approved" : "denied";
  const decided = pending
    ? await db.deviceAuthorization.updateMany({
        where: { id: pending.id, status: "pending", expiresAt: { gt: input.now } },
        data: { status, userId: input.user.userId, decidedAt: input.now },
      })
    : { count: 0 };
  if (!pending || decided.count !== 1) {
    throw new HttpError(
      404,
      "No phone is waiting for this code: it may have expired (10 minutes) or been used.",
    );
  }
  return { deviceName: pending.deviceName, status };
}

/** A one-time pairing code for the signed-in person's phone (shown as a QR code). */
export async function createPairing(db: Db, input: { user: Approver; now: Date }) {
  mayPair(input.user);
  const { row, userCode } = await insertWithCode(
    db,
    {
      kind: "pairing",
      status: "approved",
      userId: input.user.userId,
      decidedAt: input.now,
      expiresAt: new Date(input.now.getTime() + DEVICE_CODE_TTL_MS),
      createdAt: input.now,
    },
    input.now,
  );
  return { id: row.id, code: formatUserCode(userCode), expiresAt: row.expiresAt };
}

/** The phone's side of a pairing: the code once, within its life, from a caller not over the limit. */
export async function redeemPairing(
  db: Db,
  input: { code: string; deviceName: string; address: string; now: Date },
): Promise<GrantResult> {
  const keys = { address: input.address };
  try {
    checkCodeLimit(keys, input.now);
  } catch (error) {
    const wait = error instanceof HttpError ? Number(error.headers?.["retry-after"] ?? 60) : 60;
    return { ok: false, error: "slow_down", retryAfter: wait };
  }
  const code = normaliseUserCode(input.code);
  const row = code
    ? await db.deviceAuthorization.findUnique({ where: { userCodeHash: sha256(code) } })
    : null;
  if (!row || row.kind !== "pairing" || row.status !== "approved") {
    failed(keys, input.now);
    return { ok: false, error: "invalid_grant" };
  }
  if (row.expiresAt <= input.now) return { ok: false, error: "expired_token" };
  return issueToken(db, row.id, input.deviceName, input.now, input.address);
}

/** Whether the screen's pairing has been redeemed yet (only its maker may ask). */
export async function pairingStatus(db: Db, input: { id: number; userId: string; now: Date }) {
  const row = await db.deviceAuthorization.findUnique({ where: { id: input.id } });
  if (!row || row.kind !== "pairing" || row.userId !== input.userId) return null;
  const status =
    row.status === "used"
      ? "paired"
      : row.expiresAt <= input.now || row.status !== "approved"
        ? "expired"
        : "waiting";
  return {
    status,
    deviceName: row.status === "used" ? row.deviceName : null,
    expiresAt: row.expiresAt,
  } as const;
}
