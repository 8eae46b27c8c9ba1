// Errors in Stripe's wire shape, so the SDK raises the same classes it raises against Stripe.

export interface StripeErrorBody {
  error: {
    type: string;
    message: string;
    code?: string;
    param?: string;
    doc_url?: string;
  };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code?: string,
    readonly param?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  body(): StripeErrorBody {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code
          ? {
              code: this.code,
              doc_url: `https://stripe.com/docs/error-codes/${this.code.replace(/_/g, "-")}`,
            }
          : {}),
        ...(this.param ? { param: this.param } : {}),
      },
    };
  }
}

export function invalidRequest(message: string, param?: string, code?: string): ApiError {
  return new ApiError(400, "invalid_request_error", message, code, param);
}

export function noSuch(kind: string, id: string, param = "id"): ApiError {
  return new ApiError(404, "invalid_request_error", `No such ${kind}: '${id}'`, "resource_missing", param);
}

export function unknownCursor(kind: string, id: string, param: string): ApiError {
  return new ApiError(400, "invalid_request_error", `No such ${kind}: '${id}'`, "resource_missing", param);
}

export function unrecognizedUrl(method: string, path: string): ApiError {
  return new ApiError(
    404,
    "invalid_request_error",
    `Unrecognized request URL (${method}: ${path}). The local Stripe test server serves reads of customers, products, prices, subscriptions, subscription items, invoices, invoice lines, invoice items and events.`,
  );
}

/** Stripe answers a bad key with 401 and type invalid_request_error; the SDK raises StripeAuthenticationError. */
export function unauthorized(provided: boolean): ApiError {
  return new ApiError(
    401,
    "invalid_request_error",
    provided
      ? "Invalid API Key provided: the key does not match this test server's key."
      : "You did not provide an API key. Provide it in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
  );
}

export function rateLimited(retryAfterSeconds: number): ApiError {
  return new ApiError(
    429,
    "invalid_request_error",
    "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.",
    "rate_limit",
    undefined,
    { "retry-after": String(retryAfterSeconds), "stripe-should-retry": "true" },
  );
}

export function serverError(status: number): ApiError {
  return new ApiError(
    status,
    "api_error",
    "An unknown error occurred (injected by the local Stripe test server).",
  );
}
