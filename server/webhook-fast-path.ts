// POST /api/stripe/webhook answered by the production server itself, before Next. Next turns
// every request into a web Request with a streamed body and runs its router and render
// pipeline: about 3 ms of CPU per delivery, against a fraction of a millisecond for what the
// delivery needs (read the body, check the signature, one INSERT). During a bulk change in
// Stripe that cost came out of the same thread that applies the events (issue 14 §3). The
// intake itself is lib/webhooks/receive.ts's `acceptDelivery`, which the Next route (used by
// `./run dev`) calls too; answers are the same, headers and problem JSON included.
import http from "node:http";
import { config } from "@/lib/config";
import { sqlite } from "@/lib/db/sqlite";
import { errorResponse } from "@/lib/http/handler";
import { tooLarge } from "@/lib/http/body-limit";
import { HttpError } from "@/lib/http/problem";
import { elapsedMs, log } from "@/lib/log";
import {
  acceptDelivery,
  MAX_WEBHOOK_BYTES,
  refuseBeforeBody,
  WEBHOOK_RESPONSE_HEADERS,
} from "@/lib/webhooks/receive";
import { scheduleWebhookProcessing } from "@/lib/webhooks/worker";

export const WEBHOOK_PATH = "/api/stripe/webhook";

/** next.config.mjs's headers for every response, which Next would have added. */
const STATIC_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

type Listener = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/** Whether the request is a delivery this path answers (any other method or path goes to Next). */
export function isWebhookDelivery(method: string | undefined, url: string | undefined): boolean {
  if (method !== "POST" || !url) return false;
  const end = url.indexOf("?");
  return (end === -1 ? url : url.slice(0, end)) === WEBHOOK_PATH;
}

/** Servers created from now on (Next's standalone server) answer deliveries directly. */
export function installWebhookFastPath(): void {
  const original = http.createServer.bind(http);
  const wrap =
    (listener: Listener): Listener =>
    (request, response) => {
      if (isWebhookDelivery(request.method, request.url)) void handleDelivery(request, response);
      else listener(request, response);
    };
  (http as { createServer: unknown }).createServer = (...args: unknown[]) => {
    const index = args.findIndex((arg) => typeof arg === "function");
    if (index > -1) args[index] = wrap(args[index] as Listener);
    return (original as (...a: unknown[]) => http.Server)(...args);
  };
}

async function handleDelivery(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const start = performance.now();
  let status: number;
  let body: string;
  let contentType = "application/json";
  let extra: Record<string, string> = {};
  let failure: unknown;
  try {
    const secret = config().STRIPE_WEBHOOK_SECRET;
    const type = header(request, "content-type");
    refuseBeforeBody(secret, type);
    const raw = await readBody(request, MAX_WEBHOOK_BYTES);
    const delivery = { contentType: type, signature: header(request, "stripe-signature"), raw };
    const received = acceptDelivery(sqlite(), delivery, { secret, now: new Date() });
    if (!received.duplicate) scheduleWebhookProcessing();
    status = 200;
    body = JSON.stringify({ received: true, duplicate: received.duplicate });
  } catch (error) {
    // The same mapping as every route (problem JSON; busy → 503, disk full → 507, else 500).
    failure = error;
    const answer = errorResponse(error);
    status = answer.status;
    body = await answer.text();
    contentType = answer.headers.get("content-type") ?? "application/problem+json";
    extra = Object.fromEntries([...answer.headers].filter(([key]) => key !== "content-type"));
  }
  // A body refused half-way (413) is not read to its end: close the connection after answering.
  if (!request.complete) extra.connection = "close";
  response.writeHead(status, {
    ...STATIC_HEADERS,
    ...WEBHOOK_RESPONSE_HEADERS,
    ...extra,
    "content-type": contentType,
    "content-length": Buffer.byteLength(body),
  });
  response.end(body);
  const line = { route: "stripe.webhook", method: "POST", path: WEBHOOK_PATH, status, ms: elapsedMs(start) };
  if (status >= 500) log.error({ ...line, err: failure }, "request failed");
  else log.info(line, "request");
}

function header(request: http.IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

/** The body as text; a declared or actual size over `limit` is a 413 before it is all buffered. */
function readBody(request: http.IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers["content-length"] ?? "0");
  if (declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        request.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
    // The sender went away mid-body: nothing to store, and no one to answer (a no-op write).
    request.on("close", () => {
      if (!request.complete) reject(new HttpError(400, "The delivery ended before its body did."));
    });
  });
}
