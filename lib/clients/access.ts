// Access notes (key location, lockbox and alarm codes, parking) are secrets: stored sealed with
// AES-256-GCM under a key derived (HKDF-SHA256) from the app's secret, with the client's id as
// associated data (a sealed value copied to another client does not open). The plain notes
// exist only in a reveal's answer; never in views, exports, feeds or logs.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { z } from "zod";
import { config } from "@/lib/config";
import { authSecret } from "@/lib/auth/secret";
import { accessNotesSchema, type AccessNotes } from "@/lib/clients/access-schema";

export { accessNotesSchema, type AccessNotes };

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The sealing key of `secret` (the auth secret): 32 bytes, only for access notes. */
export function accessKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "stripe-bookings", "client access notes v1", 32));
}

let cached: { secret: string; key: Buffer } | undefined;
/** The key of this app's secret (BETTER_AUTH_SECRET, or `auth-secret` in the data folder). */
export function appAccessKey(): Buffer {
  const secret = authSecret(config());
  if (cached?.secret !== secret) cached = { secret, key: accessKey(secret) };
  return cached.key;
}

/** `v1.<base64url of iv ‖ tag ‖ ciphertext>`: a fresh random IV every time. */
export function sealAccess(notes: AccessNotes, key: Buffer, clientStripeId: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(clientStripeId, "utf8"));
  const body = Buffer.concat([cipher.update(JSON.stringify(notes), "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

export class SealError extends Error {
  constructor() {
    super("The access notes cannot be opened (tampered, another client's, or sealed under another secret).");
    this.name = "SealError";
  }
}

/** The notes sealed by `sealAccess`; SealError when anything was changed or the key differs. */
export function unsealAccess(sealed: string, key: Buffer, clientStripeId: string): AccessNotes {
  const [version, data] = sealed.split(".");
  if (version !== VERSION || !data) throw new SealError();
  const bytes = Buffer.from(data, "base64url");
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(clientStripeId, "utf8"));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    return accessNotesSchema.parse(JSON.parse(plain.toString("utf8")));
  } catch (error) {
    if (error instanceof z.ZodError || error instanceof Error) throw new SealError();
    throw error;
  }
}

/** Whether the notes say anything (all empty: nothing is stored). */
export const hasNotes = (notes: AccessNotes) => Object.values(notes).some((value) => value !== null);
