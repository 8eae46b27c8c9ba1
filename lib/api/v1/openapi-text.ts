// The prose of the OpenAPI document: what each operation does, who may call it (scopes), and
// how ETags and Idempotency-Key apply. Kept apart from openapi.ts so the structure stays readable.

const WHO_READ =
  "**Who:** any token or session; a walker's token (or staff account) sees only that walker's bookings and the clients they have bookings with.";
const WHO_WRITE =
  "**Who:** a `write` token or a session; a walker may change only their own bookings and assign only themselves.";
const WHO_OWNER = "**Who:** the owner, or a token not linked to a walker.";
const ETAG_READ =
  "**ETag:** every 200 carries one; send it as `If-None-Match` to get 304 while nothing changed.";
const IDEMPOTENT =
  "**Retries:** send an `Idempotency-Key`; a retry with the same key and body replays the first answer (`Idempotent-Replayed: true`).";

const op = (...parts: string[]) => parts.join("\n\n");

export const descriptions: Record<string, string> = {
  getMe: op(
    "The caller: account or token, role, scope (`read`/`write`) and the linked walker.",
    WHO_READ,
    ETAG_READ,
  ),
  listBookings: op(
    "Bookings matching every filter given. **Defaults:** all statuses, cancelled included (filter with `status=scheduled,completed`); ordered by id (`sort=id`), which sees every match exactly once while bookings change; `sort=startAt` with `from` set to now gives the next visits, soonest first. Pages: `limit` (default 50, at most 200), follow `nextCursor` while `hasMore`. `expand=client,staff` embeds the client and walker.",
    WHO_READ,
    ETAG_READ,
  ),
  createBooking: op(
    "A booking made by hand. `serviceCode` must be one the rules know (default `MANUAL`); it may last at most 24 hours (or the service's own length when longer); times must be within 2 years of today. Answers the booking with its `ETag` and `Location`.",
    WHO_WRITE,
    IDEMPOTENT,
  ),
  getBooking: op("One booking. `expand=client,staff` embeds the client and walker.", WHO_READ, ETAG_READ),
  updateBooking: op(
    "A staff edit, kept when bookings are re-derived from Stripe (sticky). Send only the fields to change; an empty body is refused. **Check-in/out:** `checkInAt` and `checkOutAt` are the phone's own timestamps (with an offset), so a visit recorded offline syncs with the times it happened: not in the future (5 minutes of clock skew allowed), check-out after check-in. **Conflicts:** send the ETag you read as `If-Match`; when the booking changed since, the answer is 412 with `current` (the booking now, its ETag in the header) and `changes` (history events since your version, field by field) to merge before retrying with the new ETag.",
    WHO_WRITE,
    IDEMPOTENT,
  ),
  getBookingHistory: op(
    "Every change of a booking, oldest first: derived from Stripe (`cause` names the event) or edited (`actor`). Never paginated.",
    WHO_READ,
    ETAG_READ,
  ),
  listClients: op(
    "Live clients, by id. `q` searches name, email and phone (its `%`, `_` and `\\` match themselves); a `q` that is a phone number (at least 6 digits) matches it in any notation — `07700 900457`, `+44 7700 900457`, `07700-900-457` — read with the business's country, whole or from its start or by a run of its digits. Pages as bookings.",
    WHO_READ,
    ETAG_READ,
  ),
  getClient: op(
    "One client: contact, subscriptions, invoices summary, upcoming bookings.",
    WHO_READ,
    ETAG_READ,
  ),
  listStaff: op("Every walker, active or not. Never paginated (`hasMore` is false).", WHO_READ, ETAG_READ),
  listServices: op(
    "The service codes the active rules book, with lengths. Never paginated.",
    WHO_READ,
    ETAG_READ,
  ),
  getSchedule: op(
    "`days` local days from `date` (business time zone), one column per walker plus unassigned; cancelled bookings left out.",
    WHO_READ,
    ETAG_READ,
  ),
  createFeed: op(
    "A calendar feed of the caller's own bookings (a walker's, or the business's for the owner). The URL holds the feed's secret and this API returns it in this answer only: a replay of the same Idempotency-Key answers 409 `secret-shown-once` with the feed's id. No API call reads a URL back, with any token: the token is kept sealed so that the owner, signed in, can show the link again on the Feeds screen (audited). Otherwise revoke the feed and create another if the URL was lost.",
    WHO_WRITE,
    IDEMPOTENT,
  ),
  revokeFeed: op("Revokes one of the caller's own feeds; its URL stops working.", WHO_WRITE, IDEMPOTENT),
  getSync: op("Whether a Stripe sync runs, its progress, and recent runs.", WHO_OWNER, ETAG_READ),
  startSync: op(
    "Starts a Stripe sync in the background (202); 409 when one runs or in demo mode.",
    WHO_OWNER,
    IDEMPOTENT,
  ),
  listChanges: op(
    "Bookings and clients changed since `cursor`, for offline copies: apply each change, follow `nextCursor` while set, keep `pollCursor` for later. See docs/API.md.",
    WHO_READ,
  ),
};

export const INFO_DESCRIPTION = (defaultLimit: number, maxLimit: number) =>
  `Bookings, clients and the schedule for the walkers' phone app and scripts. See docs/API.md for an offline phone session.

- **Lists** answer \`{ data, nextCursor, hasMore }\` (default ${defaultLimit}, at most ${maxLimit} per page).
- **Headers sent:** \`Request-Id\` (every response), \`RateLimit-Limit\`/\`-Remaining\`/\`-Reset\` (authenticated answers), \`ETag\` (every single resource and list), \`Location\` (created), \`Idempotent-Replayed\` (replays), \`Retry-After\` (429, 503), \`WWW-Authenticate\` (401), \`Allow\` (405: a method the path does not answer).
- **Headers read:** \`Authorization: Bearer\`, \`If-None-Match\` (GET → 304), \`If-Match\` (PATCH → 412 when stale), \`Idempotency-Key\` (writes).
- **Errors** are RFC 9457 problem JSON (\`application/problem+json\`), unknown paths (404) and methods (405) included; \`detail\` says in words which fields are wrong and the format expected, \`errors\` lists them.`;
