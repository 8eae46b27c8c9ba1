// fast-check arbitraries for malformed HTTP input, and the problem-JSON check every error
// answer must pass.
import fc from "fast-check";
import { expect } from "vitest";
import { problemSchema } from "@/lib/http/problem";

/** Header names a fuzzer may set freely (not ones the fetch stack owns or the route reads). */
const reserved = new Set([
  "content-type",
  "stripe-signature",
  "content-length",
  "host",
  "transfer-encoding",
  "connection",
  "expect",
  "keep-alive",
  "te",
  "trailer",
  "upgrade",
]);
export const headerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/).filter((name) => !reserved.has(name));
/** Printable ASCII, as HTTP allows; no leading/trailing space (fetch would trim it). */
export const headerValue = fc.stringMatching(/^[!-~]([ -~]{0,38}[!-~])?$/);

/** Bodies: text, JSON of any shape, raw bytes, and near-misses of a Stripe event. */
export const anyBody = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
  fc.constantFrom("", "{", "null", "[]", '{"id":"evt_1","object":"event"}', "\u0000", "\uFEFF{}"),
);

export const contentType = fc.option(
  fc.constantFrom(
    "application/json",
    "application/json; charset=utf-8",
    "text/plain",
    "application/x-www-form-urlencoded",
    "application/jsonx",
    "",
    "*/*",
  ),
  { nil: undefined },
);

/** Signature headers Stripe never sent: garbage, well-formed with wrong values, stale. */
export const badSignature = fc.option(
  fc.oneof(
    headerValue,
    fc.tuple(fc.nat(), fc.stringMatching(/^[0-9a-f]{64}$/)).map(([t, v]) => `t=${t},v1=${v}`),
    fc.constantFrom("t=,v1=", "v1=abc", "t=9999999999", "t=1,v0=00"),
  ),
  { nil: undefined },
);

/** Asserts an error answer is RFC 9457 problem JSON whose status matches the HTTP status. */
export async function expectProblem(response: Response): Promise<void> {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = problemSchema.parse(await response.json());
  expect(problem.status).toBe(response.status);
}
