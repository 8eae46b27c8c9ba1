// Feed tokens kept so the owner can show a link again: sealed with AES-256-GCM under a key
// derived (HKDF-SHA256) from the app's secret, with the token's hash as associated data, so a
// sealed value copied to another feed's row does not open. Feeds are still found by hash only;
// the sealed copy is read only by "Show link" (owner, audited).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { config } from "@/lib/config";
import { authSecret } from "@/lib/auth/secret";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The sealing key of `secret` (the auth secret): 32 bytes, used for feed tokens only. */
export function feedSealKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "stripe-bookings", "calendar feed tokens v1", 32));
}

let cached: { secret: string; key: Buffer } | undefined;
/** The key of this app's secret (BETTER_AUTH_SECRET, or `auth-secret` in the data folder). */
export function appFeedSealKey(): Buffer {
  const secret = authSecret(config());
  if (cached?.secret !== secret) cached = { secret, key: feedSealKey(secret) };
  return cached.key;
}

/** `v1.<base64url of iv ‖ tag ‖ ciphertext>`, a fresh random IV every time. */
export function sealFeedToken(token: string, key: Buffer, tokenHash: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(tokenHash, "utf8"));
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

export class FeedSealError extends Error {
  constructor() {
    super(
      "This link cannot be opened (the app's secret changed, or the stored value was altered). Rotate the feed to get one you can show again.",
    );
    this.name = "FeedSealError";
  }
}

/** The token sealed by `sealFeedToken`; FeedSealError when anything was changed or the key differs. */
export function unsealFeedToken(sealed: string, key: Buffer, tokenHash: string): string {
  const [version, data, extra] = sealed.split(".");
  if (version !== VERSION || !data || extra !== undefined) throw new FeedSealError();
  const bytes = Buffer.from(data, "base64url");
  if (bytes.length <= IV_BYTES + TAG_BYTES) throw new FeedSealError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(tokenHash, "utf8"));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new FeedSealError();
  }
}
