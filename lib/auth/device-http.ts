// HTTP shapes of phone sign-in: OAuth-style bodies (form-encoded per RFC 8628, or JSON), the
// address a phone can reach the server at, and the token endpoint's RFC error bodies.
import { config } from "@/lib/config";
import { isLoopbackBind, lanUrls } from "@/lib/auth/lan";
import { ownOrigin } from "@/lib/auth/origin";
import { HttpError } from "@/lib/http/problem";

const MAX_BODY_BYTES = 16 * 1024;
/** Never cached (RFC 6749 §5.1): the body may hold a token. */
export const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" } as const;

/** The body's fields as strings: form-encoded or JSON (an empty body is no fields). */
export async function readParams(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw new HttpError(413, `Bodies are at most ${MAX_BODY_BYTES} bytes.`);
  if (text.trim() === "") return {};
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded"))
    return Object.fromEntries(new URLSearchParams(text));
  if (type.includes("application/json")) {
    try {
      const body = JSON.parse(text) as unknown;
      if (body && typeof body === "object" && !Array.isArray(body)) return body as Record<string, unknown>;
    } catch {
      // answered below
    }
    throw new HttpError(400, "The body is not a JSON object.");
  }
  throw new HttpError(415, "Send the body as application/x-www-form-urlencoded or application/json.");
}

/**
 * Where a phone reaches this server: PUBLIC_URL when set; else the address this request came
 * to, unless that is loopback while the server also listens on the network (the owner's own
 * screen at 127.0.0.1), then the first LAN address. `reachable` is false when only loopback works.
 */
export function phoneOrigin(request: Request): { origin: string; reachable: boolean } {
  const cfg = config();
  if (cfg.PUBLIC_URL) return { origin: cfg.publicUrl, reachable: true };
  const own = ownOrigin(request, cfg.TRUST_PROXY) ?? cfg.publicUrl;
  const host = new URL(own).hostname;
  if (!isLoopbackBind(host)) return { origin: own, reachable: true };
  if (isLoopbackBind(cfg.HOST)) return { origin: own, reachable: false };
  const lan = lanUrls(cfg.HOST, cfg.PORT)[0];
  return lan ? { origin: lan, reachable: true } : { origin: own, reachable: false };
}

/** An RFC 6749 §5.2 / RFC 8628 §3.5 error answer of the token endpoint. */
export function grantError(
  error: string,
  description: string,
  status = 400,
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    { error, error_description: description },
    { status, headers: { ...NO_STORE, ...headers } },
  );
}
