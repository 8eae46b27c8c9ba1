// Injected failures for resilience tests. A fault applies to the next `times` requests (default
// 1) and then clears itself; `failAfter` lets `requests` through first and then fails every
// request until cleared (or `times` failures when given), like an outage in the middle of a sync.
import { z } from "zod";

const times = z.number().int().min(1).optional();

export const faultSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("429"), retryAfterSeconds: z.number().int().min(0).default(1), times }),
  z.object({ kind: z.literal("500"), times }),
  /** Accepts the request and never answers (the socket stays open until the client gives up). */
  z.object({ kind: z.literal("timeout"), times }),
  /** Sends the headers and half of the JSON body, then destroys the socket. */
  z.object({ kind: z.literal("truncated"), times }),
  z.object({
    kind: z.literal("failAfter"),
    requests: z.number().int().min(0),
    status: z.number().int().min(400).max(599),
    times,
  }),
]);
export type Fault = z.input<typeof faultSchema>;

/** What to do to one request. */
export type Injection =
  | { kind: "429"; retryAfterSeconds: number }
  | { kind: "status"; status: number }
  | { kind: "timeout" }
  | { kind: "truncated" };

export class FaultState {
  private fault: z.infer<typeof faultSchema> | null = null;
  private remaining = 0;
  private passed = 0;

  set(fault: Fault | null): void {
    this.fault = fault === null ? null : faultSchema.parse(fault);
    this.passed = 0;
    this.remaining = this.fault?.times ?? (this.fault?.kind === "failAfter" ? Infinity : 1);
  }

  get active(): boolean {
    return this.fault !== null;
  }

  /** The injection for the next request, or null to serve it normally. */
  take(): Injection | null {
    const fault = this.fault;
    if (!fault) return null;
    if (fault.kind === "failAfter" && this.passed < fault.requests) {
      this.passed += 1;
      return null;
    }
    this.remaining -= 1;
    if (this.remaining <= 0) this.fault = null;
    switch (fault.kind) {
      case "429":
        return { kind: "429", retryAfterSeconds: fault.retryAfterSeconds };
      case "500":
        return { kind: "status", status: 500 };
      case "failAfter":
        return fault.status === 429
          ? { kind: "429", retryAfterSeconds: 1 }
          : { kind: "status", status: fault.status };
      default:
        return { kind: fault.kind };
    }
  }
}
