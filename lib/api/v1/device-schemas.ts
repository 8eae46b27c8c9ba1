// Phone sign-in (lib/auth/devices.ts) at /api/v1/device/*: the zod schemas the routes parse
// with, and their part of the OpenAPI document (openapi.ts spreads `devicePaths` in). The
// token endpoint answers in RFC 8628 / RFC 6749 form (`{ access_token }`, `{ error }`); the
// others in problem JSON.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { problemSchema } from "@/lib/api/v1/schemas";
import { DEVICE_GRANT, PAIRING_GRANT } from "@/lib/auth/device-codes";

const dateTime = z.iso.datetime({ offset: true }).meta({ example: "2026-12-08T09:00:00Z" });
const deviceName = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters")
  .meta({ description: "The phone's name as people will see it in Devices.", example: "Alex's iPhone" });
const userCode = z.string().max(20).meta({
  description: "The code shown to the person, e.g. WDJB-MJHT (case, spaces and dashes ignored).",
  example: "WDJB-MJHT",
});

export const deviceAuthorizeBody = z
  .object({
    client_id: z.string().max(200).optional().meta({ description: "The app's id (any; not checked)." }),
    device_name: deviceName.optional().meta({ description: 'The phone\'s name (default "Phone").' }),
    scope: z
      .string()
      .max(200)
      .optional()
      .meta({ description: "Ignored: a phone's token always has write scope for its person." }),
  })
  .meta({ id: "DeviceAuthorizeRequest" });

export const deviceAuthorizeResponse = z
  .object({
    device_code: z.string().meta({ description: "Secret; poll the token endpoint with it." }),
    user_code: z.string().meta({ example: "WDJB-MJHT" }),
    verification_uri: z.string().meta({ example: "http://192.168.1.20:3000/device" }),
    verification_uri_complete: z.string().meta({ example: "http://192.168.1.20:3000/device?code=WDJB-MJHT" }),
    expires_in: z.number().int().meta({ description: "Seconds the codes live (600)." }),
    interval: z.number().int().meta({ description: "Seconds to wait between polls (5)." }),
  })
  .meta({ id: "DeviceAuthorization" });

export const deviceGrantBody = z
  .object({
    grant_type: z.literal(DEVICE_GRANT),
    device_code: z.string().min(1).max(200),
    client_id: z.string().max(200).optional(),
  })
  .meta({ id: "DeviceCodeGrant" });
export const pairingGrantBody = z
  .object({
    grant_type: z.literal(PAIRING_GRANT),
    code: userCode.meta({ description: "The pairing code of the QR code (or typed)." }),
    device_name: deviceName,
  })
  .meta({ id: "PairingCodeGrant" });
const tokenRequest = z.union([deviceGrantBody, pairingGrantBody]).meta({ id: "DeviceTokenRequest" });

export const deviceTokenResponse = z
  .object({
    access_token: z.string().meta({ description: "An API token (`sbk_…`) for `Authorization: Bearer`." }),
    token_type: z.literal("Bearer"),
    scope: z.literal("write"),
  })
  .meta({ id: "DeviceToken" });
export const deviceTokenError = z
  .object({
    error: z.enum([
      "authorization_pending",
      "slow_down",
      "access_denied",
      "expired_token",
      "invalid_grant",
      "invalid_request",
      "unsupported_grant_type",
    ]),
    error_description: z.string().optional(),
  })
  .meta({ id: "DeviceTokenError" });

export const deviceVerifyBody = z
  .strictObject({ userCode, action: z.enum(["approve", "deny"]) })
  .meta({ id: "DeviceVerifyRequest" });
export const deviceVerifyResponse = z
  .object({ status: z.enum(["approved", "denied"]), deviceName: z.string() })
  .meta({ id: "DeviceVerifyResult" });

export const pairingSchema = z
  .object({
    id: z.number().int(),
    code: z.string().meta({ example: "WDJB-MJHT" }),
    pairingUrl: z.string().meta({ description: "What the QR code holds: `<server>/device/pair?code=…`." }),
    server: z.string().meta({ description: "The address the phone should use." }),
    reachable: z.boolean().meta({ description: "False when the server listens only on this computer." }),
    expiresAt: dateTime,
  })
  .meta({ id: "Pairing" });
export const pairingStatusSchema = z
  .object({
    status: z.enum(["waiting", "paired", "expired"]),
    deviceName: z.string().nullable(),
    expiresAt: dateTime,
  })
  .meta({ id: "PairingStatus" });

export const deviceIdParams = z.strictObject({ id: z.coerce.number().int().positive() });
export const deviceListQuery = z.strictObject({ userId: z.string().max(100).optional() });
export const deviceSchema = z
  .object({
    id: z.number().int(),
    deviceName: z.string(),
    userEmail: z.string().nullable(),
    staffName: z.string().nullable(),
    createdAt: dateTime,
    lastUsedAt: dateTime.nullable(),
  })
  .meta({ id: "Device" });
export const deviceListSchema = z.object({ data: z.array(deviceSchema) }).meta({ id: "DeviceList" });

const json = (schema: z.ZodType) => ({ "application/json": { schema } });
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});
const sessionOnly = [{ session: [] }];

export const deviceTag = {
  name: "device",
  description:
    'Phone sign-in: the device authorization grant (RFC 8628) and one-time pairing codes; paired phones listed and revoked. See docs/API.md, "Pairing a phone".',
};

const pathsWithoutIds: ZodOpenApiPathsObject = {
  "/api/v1/device/authorize": {
    post: {
      operationId: "startDeviceAuthorization",
      description:
        "Public. The phone sends its name and gets a device code (secret, for polling) and a user code to show its person, with the page where they approve it. Codes live 10 minutes; 10 requests a minute per address.",
      summary: "A phone asks to sign in (RFC 8628 §3.1)",
      security: [],
      requestBody: {
        required: false,
        content: {
          "application/x-www-form-urlencoded": { schema: deviceAuthorizeBody },
          ...json(deviceAuthorizeBody),
        },
      },
      responses: {
        "200": { description: "Codes for the phone and its person", content: json(deviceAuthorizeResponse) },
        "413": problem("Body too large."),
        "415": problem("Body is neither form-encoded nor JSON."),
        "422": problem("Invalid field (e.g. an empty device_name)."),
        "429": problem("Too many requests from this address; see Retry-After."),
      },
    },
  },
  "/api/v1/device/token": {
    post: {
      operationId: "getDeviceToken",
      summary: "Poll for the token (device code) or redeem a pairing code",
      description:
        "Form-encoded or JSON. `grant_type` is `urn:ietf:params:oauth:grant-type:device_code` (with `device_code`; poll no faster than `interval`, slow_down adds 5 s) or `urn:stripe-bookings:params:oauth:grant-type:pairing_code` (with `code` and `device_name`). Errors are RFC 8628 §3.5 JSON, not problem JSON.",
      security: [],
      requestBody: {
        required: true,
        content: { "application/x-www-form-urlencoded": { schema: tokenRequest }, ...json(tokenRequest) },
      },
      responses: {
        "200": { description: "The phone's API token (shown once)", content: json(deviceTokenResponse) },
        "400": {
          description: "Pending, slow down, denied, expired, used or malformed",
          content: json(deviceTokenError),
        },
        "429": {
          description: "Too many wrong pairing codes from this address",
          content: json(deviceTokenError),
        },
      },
    },
  },
  "/api/v1/device/verify": {
    post: {
      operationId: "decideDeviceAuthorization",
      description:
        "Signed-in screens only (same-origin cookie). Approves or denies the phone waiting for this user code; an approved phone's next poll gets a token acting for this account. Wrong codes are limited per account.",
      summary: "Approve or deny the phone waiting for a user code (signed-in screens)",
      security: sessionOnly,
      requestBody: { required: true, content: json(deviceVerifyBody) },
      responses: {
        "200": { description: "Decided", content: json(deviceVerifyResponse) },
        "401": problem("Not signed in."),
        "403": problem("Cross-site request."),
        "404": problem("No phone waits for this code (wrong, expired or used)."),
        "409": problem("The account is not linked to a walker."),
        "422": problem("Invalid body."),
        "429": problem("Too many wrong codes; see Retry-After."),
      },
    },
  },
  "/api/v1/device/pairings": {
    post: {
      operationId: "createPairing",
      description:
        "Signed-in screens only. Makes a one-time pairing code for the signed-in person's phone, shown as a QR code of its pairing URL; the phone redeems it at the token endpoint within 10 minutes.",
      summary: "A one-time pairing code (and QR URL) for the signed-in person's phone",
      security: sessionOnly,
      responses: {
        "201": { description: "Shown once; lives 10 minutes", content: json(pairingSchema) },
        "401": problem("Not signed in."),
        "403": problem("Cross-site request."),
        "409": problem("The account is not linked to a walker."),
      },
    },
  },
  "/api/v1/device/pairings/{id}": {
    get: {
      operationId: "getPairing",
      description:
        "Signed-in screens only. Whether the phone has redeemed this pairing yet, so the screen can close its QR code dialog and list the new phone.",
      summary: "Whether a phone has redeemed the pairing yet",
      security: sessionOnly,
      requestParams: { path: deviceIdParams },
      responses: {
        "200": { description: "OK", content: json(pairingStatusSchema) },
        "401": problem("Not signed in."),
        "404": problem("No such pairing of yours."),
      },
    },
  },
  "/api/v1/device/devices": {
    get: {
      operationId: "listDevices",
      description:
        "Signed-in screens only. Paired phones with who they act for, when they were paired and last used: a walker sees their own, the owner everyone's (`userId` narrows).",
      summary: "Paired phones: staff their own, the owner everyone's (`userId` narrows)",
      security: sessionOnly,
      requestParams: { query: deviceListQuery },
      responses: {
        "200": { description: "OK", content: json(deviceListSchema) },
        "401": problem("Not signed in."),
        "422": problem("Invalid query."),
      },
    },
  },
  "/api/v1/device/devices/{id}": {
    delete: {
      operationId: "revokeDevice",
      description:
        "Signed-in screens only (same-origin cookie). Revokes a paired phone: its token answers 401 at once. A walker may revoke their own phones, the owner any.",
      summary: "Revoke a paired phone: its token answers 401 at once",
      security: sessionOnly,
      requestParams: { path: deviceIdParams },
      responses: {
        "204": { description: "Revoked" },
        "401": problem("Not signed in."),
        "403": problem("Cross-site request."),
        "404": problem("No such active device you may revoke."),
      },
    },
  },
};

const requestIdHeaders = z.object({
  "Request-Id": z.string().meta({ description: "This response's id; problems repeat it as `requestId`." }),
});

/** Every device answer carries its request id, as every other /api/v1 answer does. */
export const devicePaths: ZodOpenApiPathsObject = Object.fromEntries(
  Object.entries(pathsWithoutIds).map(([path, item]) => [
    path,
    Object.fromEntries(
      Object.entries(item as Record<string, { responses: Record<string, object> }>).map(([method, op]) => [
        method,
        {
          ...op,
          responses: Object.fromEntries(
            Object.entries(op.responses).map(([status, r]) => [status, { ...r, headers: requestIdHeaders }]),
          ),
        },
      ]),
    ),
  ]),
) as ZodOpenApiPathsObject;
