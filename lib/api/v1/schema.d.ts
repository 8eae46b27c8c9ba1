// Generated from /api/v1/openapi.json by openapi-typescript (tests/support/api-v1-types.ts). Do not edit.
export interface paths {
  "/api/v1/me": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who is calling
     * @description The caller: account or token, role, scope (`read`/`write`) and the linked walker.
     *
     *     **Who:** any token or session; a walker's token (or staff account) sees only that walker's bookings and the clients they have bookings with.
     *
     *     **ETag:** every 200 carries one; send it as `If-None-Match` to get 304 while nothing changed.
     */
    get: operations["getMe"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/bookings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Bookings, filtered and paginated
     * @description Bookings matching every filter given. **Defaults:** all statuses, cancelled included (filter with `status=scheduled,completed`); ordered by id (`sort=id`), which sees every match exactly once while bookings change; `sort=startAt` with `from` set to now gives the next visits, soonest first. Pages: `limit` (default 50, at most 200), follow `nextCursor` while `hasMore`. `expand=client,staff` embeds the client and walker.
     *
     *     **Who:** any token or session; a walker's token (or staff account) sees only that walker's bookings and the clients they have bookings with.
     *
     *     **ETag:** every 200 carries one; send it as `If-None-Match` to get 304 while nothing changed.
     */
    get: operations["listBookings"];
    put?: never;
    /**
     * A manual booking
     * @description A booking made by hand. `serviceCode` must be one the rules know (default `MANUAL`); it may last at most 24 hours (or the service's own length when longer); times must be within 2 years of today. Answers the booking with its `ETag` and `Location`.
     *
     *     **Who:** a `write` token or a session; a walker may change only their own bookings and assign only themselves.
     *
     *     **Retries:** send an `Idempotency-Key`; a retry with the same key and body replays the first answer (`Idempotent-Replayed: true`).
     */
    post: operations["createBooking"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/bookings/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One booking
     * @description One booking. `expand=client,staff` embeds the client and walker.
     *
     *     **Who:** any token or session; a walker's token (or staff account) sees only that walker's bookings and the clients they have bookings with.
     *
     *     **ETag:** every 200 carries one; send it as `If-None-Match` to get 304 while nothing changed.
     */
    get: operations["getBooking"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Reschedule, reassign, cancel, complete, check in/out, notes (sticky)
     * @description A staff edit, kept when bookings are re-derived from Stripe (sticky). Send only the fields to change; an empty body is refused. **Check-in/out:** `checkInAt` and `checkOutAt` are the phone's own timestamps (with an offset), so a visit recorded offline syncs with the times it happened: not in the future (5 minutes of clock skew allowed), check-out after check-in. **Conflicts:** send the ETag you read as `If-Match`; when the booking changed since, the answer is 412 with `current` (the booking now, its ETag in the header) and `changes` (history events since your version, field by field) to merge before retrying with the new ETag.
     *
     *     **Who:** a `write` token or a session; a walker may change only their own bookings and assign only themselves.
     *
     *     **Retries:** send an `Idempotency-Key`; a retry with the same key and body replays the first answer (`Idempotent-Replayed: true`).
     */
    patch: operations["updateBooking"];
    trace?: never;
  };
  "/api/v1/bookings/{id}/history": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every change of a booking
     * @description Every change of a booking, oldest first: derived from Stripe (`cause` names the event) or edited (`actor`). Never paginated.
     *
     *     **Who:** any token or session; a walker's token (or staff account) sees only that walker's bookings and the clients they have bookings with.
     *
     *     **ETag:** every 200 carries one; send it as `If-None-Match` to get 304 while nothing changed.
     */
    get: operations["getBookingHistory"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/clients": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Clients, searched and paginated
     * @description Live clients, by id. `q` searches name, email and phone (its `%`, `_` and `\` match themselves); a `q` that is a phone number (at least 6 digits) matches it in any notation — `07700 900457`, `+44 7700 900457`, `07700-900-457` — read with the business's country, whole or from its start or by a run of its digits. Pages as bookings.
     *
     *     **Who:** any token or session; a walker's token (or staff account) sees only that walker's bookings and the clients they have bookings with.
     *
     *     **ETag:** every 200 carries one; send it as `If-None-Match` to get 304 while nothing changed.
     */
    get: operations["listClients"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/clients/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One client
     * @description One client: contact, subscriptions, invoices summary, upcoming bookings.
     *
     *     **Who:** any token or session; a walker's token (or staff account) sees only that walker's bookings and the clients they have bookings with.
     *
     *     **ETag:** every 200 carries one; send it as `If-None-Match` to get 304 while nothing changed.
     */
    get: operations["getClient"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/staff": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Walkers
     * @description Every walker, active or not. Never paginated (`hasMore` is false).
     *
     *     **Who:** any token or session; a walker's token (or staff account) sees only that walker's bookings and the clients they have bookings with.
     *
     *     **ETag:** every 200 carries one; send it as `If-None-Match` to get 304 while nothing changed.
     */
    get: operations["listStaff"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/services": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What the active rules offer
     * @description The service codes the active rules book, with lengths. Never paginated.
     *
     *     **Who:** any token or session; a walker's token (or staff account) sees only that walker's bookings and the clients they have bookings with.
     *
     *     **ETag:** every 200 carries one; send it as `If-None-Match` to get 304 while nothing changed.
     */
    get: operations["listServices"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/schedule": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A day or week grouped by walker
     * @description `days` local days from `date` (business time zone), one column per walker plus unassigned; cancelled bookings left out.
     *
     *     **Who:** any token or session; a walker's token (or staff account) sees only that walker's bookings and the clients they have bookings with.
     *
     *     **ETag:** every 200 carries one; send it as `If-None-Match` to get 304 while nothing changed.
     */
    get: operations["getSchedule"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/feeds": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create the caller's own calendar feed
     * @description A calendar feed of the caller's own bookings (a walker's, or the business's for the owner). The URL holds the feed's secret and this API returns it in this answer only: a replay of the same Idempotency-Key answers 409 `secret-shown-once` with the feed's id. No API call reads a URL back, with any token: the token is kept sealed so that the owner, signed in, can show the link again on the Feeds screen (audited). Otherwise revoke the feed and create another if the URL was lost.
     *
     *     **Who:** a `write` token or a session; a walker may change only their own bookings and assign only themselves.
     *
     *     **Retries:** send an `Idempotency-Key`; a retry with the same key and body replays the first answer (`Idempotent-Replayed: true`).
     */
    post: operations["createFeed"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/feeds/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke one of the caller's feeds
     * @description Revokes one of the caller's own feeds; its URL stops working.
     *
     *     **Who:** a `write` token or a session; a walker may change only their own bookings and assign only themselves.
     *
     *     **Retries:** send an `Idempotency-Key`; a retry with the same key and body replays the first answer (`Idempotent-Replayed: true`).
     */
    delete: operations["revokeFeed"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/sync": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Stripe sync state (owner)
     * @description Whether a Stripe sync runs, its progress, and recent runs.
     *
     *     **Who:** the owner, or a token not linked to a walker.
     *
     *     **ETag:** every 200 carries one; send it as `If-None-Match` to get 304 while nothing changed.
     */
    get: operations["getSync"];
    put?: never;
    /**
     * Start a Stripe sync (owner)
     * @description Starts a Stripe sync in the background (202); 409 when one runs or in demo mode.
     *
     *     **Who:** the owner, or a token not linked to a walker.
     *
     *     **Retries:** send an `Idempotency-Key`; a retry with the same key and body replays the first answer (`Idempotent-Replayed: true`).
     */
    post: operations["startSync"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/clients/{id}/file": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A client's file: address, pets, emergency contact
     * @description The client's file: address (Stripe's, or the business's own override) with a map link, pets with care notes and photo URLs, the emergency contact, and whether access notes are stored and revealable. Never the access notes themselves.
     *
     *     **Who sees it:** the owner; a walker while they have a non-cancelled visit with the client from yesterday to 14 days ahead (404 otherwise, as for an unlinked staff account).
     *
     *     **ETag:** every 200 carries one; send it as `If-None-Match` to get 304 while nothing changed.
     */
    get: operations["getClientFile"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change the address override or the emergency contact
     * @description Sets the business's own address (`address`; `null` goes back to Stripe's, which a sync keeps current) and/or the emergency contact (`emergency`; `null` clears it). Parts not sent are unchanged.
     *
     *     **Who:** the owner (session, or an owner token with `write` scope); walkers read.
     */
    patch: operations["updateClientFile"];
    trace?: never;
  };
  "/api/v1/clients/{id}/pets": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a pet to the client's file
     * @description Adds a pet (name, breed, care notes, vet) after the client's other pets. Upload its photo with PUT …/pets/{petId}/photo.
     *
     *     **Who:** the owner (session, or an owner token with `write` scope); walkers read.
     */
    post: operations["createPet"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/clients/{id}/pets/{petId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a pet and its photo
     * @description Removes the pet from the client's file; its photo file is deleted from the data folder too.
     *
     *     **Who:** the owner (session, or an owner token with `write` scope); walkers read.
     */
    delete: operations["deletePet"];
    options?: never;
    head?: never;
    /**
     * Change a pet
     * @description Changes only the fields sent (`sortOrder` moves the pet in the client's list; lower first).
     *
     *     **Who:** the owner (session, or an owner token with `write` scope); walkers read.
     */
    patch: operations["updatePet"];
    trace?: never;
  };
  "/api/v1/clients/{id}/pets/{petId}/photo": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A pet's photo
     * @description The pet's photo as stored (`Cache-Control: private`, `X-Content-Type-Options: nosniff`). Only for signed-in callers who may see the client's file.
     *
     *     **Who sees it:** the owner; a walker while they have a non-cancelled visit with the client from yesterday to 14 days ahead (404 otherwise, as for an unlinked staff account).
     *
     *     **ETag:** every 200 carries one; send it as `If-None-Match` to get 304 while the photo is unchanged.
     */
    get: operations["getPetPhoto"];
    /**
     * Upload or replace a pet's photo (JPEG, PNG or WebP, at most 5 MB)
     * @description The image as the request body (any Content-Type: the type is read from the bytes). JPEG, PNG or WebP only (415 otherwise), at most 5 MB (413). Replacing a photo deletes the old file.
     *
     *     **Who:** the owner (session, or an owner token with `write` scope); walkers read.
     */
    put: operations["putPetPhoto"];
    post?: never;
    /**
     * Remove a pet's photo
     * @description Removes the pet's photo; the file is deleted from the data folder.
     *
     *     **Who:** the owner (session, or an owner token with `write` scope); walkers read.
     */
    delete: operations["deletePetPhoto"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/clients/{id}/access": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set the client's access notes (sealed at rest)
     * @description Replaces the access notes (key location, lockbox and alarm codes, parking, other); all empty removes them. They are sealed with AES-256-GCM before they are stored and never appear in views, exports, feeds or logs. The answer says only whether notes are stored.
     *
     *     **Who:** the owner (session, or an owner token with `write` scope); walkers read.
     */
    put: operations["putAccessNotes"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/clients/{id}/access/reveal": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reveal the client's access notes (audited)
     * @description The access notes in plain text, for the owner or a walker with a non-cancelled visit with this client on a local day within today ± 1 (business time zone). Every reveal writes an `access-revealed` audit row (who, which client; never the notes). The answer is never cached or stored: an `Idempotency-Key` is checked but not remembered, and a repeat reveals (and audits) again.
     *
     *     **Who:** the owner; a walker with a visit near today.
     */
    post: operations["revealAccessNotes"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/changes": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Bookings and clients changed in your scope since a cursor
     * @description Replay protocol: start without a cursor (a full copy of your scope, upserts only), apply
     *     each entry in order, follow `nextCursor` while `hasMore`, then keep `pollCursor` and ask again
     *     later (or open the stream). Entries: `upsert` (the item as it is now; store it), `remove` (the
     *     item left your scope, e.g. a booking reassigned to another walker or a client you have no
     *     bookings with any more: drop it, no data is sent), `delete` (the item no longer exists: drop
     *     it). Every change to a booking or client takes a new, strictly increasing `seq`, so a cursor
     *     never passes a change it has not delivered; replaying from any cursor ends with exactly the
     *     server's state for your scope. A staff-scoped caller sees its own bookings and the clients of
     *     those bookings, and never hears of other items. A `remove` or `delete` for an id you do not
     *     hold is harmless: ignore it.
     */
    get: operations["listChanges"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/changes/stream": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The changes feed, pushed (Server-Sent Events)
     * @description Server-Sent Events (text/event-stream): the same entries as GET /api/v1/changes, pushed
     *     within a second of each change. Each event is `event: changes` whose `data` is a ChangesPage
     *     and whose `id` is the cursor after it; `: ping` comment lines every 15 s keep proxies from
     *     closing the connection, and `retry:` tells clients how soon to reconnect. To resume, send the last
     *     event id as `Last-Event-ID` (EventSource does this itself); it takes precedence over `cursor`.
     *
     *     Replay protocol: start without a cursor (a full copy of your scope, upserts only), apply
     *     each entry in order, follow `nextCursor` while `hasMore`, then keep `pollCursor` and ask again
     *     later (or open the stream). Entries: `upsert` (the item as it is now; store it), `remove` (the
     *     item left your scope, e.g. a booking reassigned to another walker or a client you have no
     *     bookings with any more: drop it, no data is sent), `delete` (the item no longer exists: drop
     *     it). Every change to a booking or client takes a new, strictly increasing `seq`, so a cursor
     *     never passes a change it has not delivered; replaying from any cursor ends with exactly the
     *     server's state for your scope. A staff-scoped caller sees its own bookings and the clients of
     *     those bookings, and never hears of other items. A `remove` or `delete` for an id you do not
     *     hold is harmless: ignore it.
     */
    get: operations["streamChanges"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/device/authorize": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A phone asks to sign in (RFC 8628 §3.1)
     * @description Public. The phone sends its name and gets a device code (secret, for polling) and a user code to show its person, with the page where they approve it. Codes live 10 minutes; 10 requests a minute per address.
     */
    post: operations["startDeviceAuthorization"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/device/token": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Poll for the token (device code) or redeem a pairing code
     * @description Form-encoded or JSON. `grant_type` is `urn:ietf:params:oauth:grant-type:device_code` (with `device_code`; poll no faster than `interval`, slow_down adds 5 s) or `urn:stripe-bookings:params:oauth:grant-type:pairing_code` (with `code` and `device_name`). Errors are RFC 8628 §3.5 JSON, not problem JSON.
     */
    post: operations["getDeviceToken"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/device/verify": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve or deny the phone waiting for a user code (signed-in screens)
     * @description Signed-in screens only (same-origin cookie). Approves or denies the phone waiting for this user code; an approved phone's next poll gets a token acting for this account. Wrong codes are limited per account.
     */
    post: operations["decideDeviceAuthorization"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/device/pairings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A one-time pairing code (and QR URL) for the signed-in person's phone
     * @description Signed-in screens only. Makes a one-time pairing code for the signed-in person's phone, shown as a QR code of its pairing URL; the phone redeems it at the token endpoint within 10 minutes.
     */
    post: operations["createPairing"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/device/pairings/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Whether a phone has redeemed the pairing yet
     * @description Signed-in screens only. Whether the phone has redeemed this pairing yet, so the screen can close its QR code dialog and list the new phone.
     */
    get: operations["getPairing"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/device/devices": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Paired phones: staff their own, the owner everyone's (`userId` narrows)
     * @description Signed-in screens only. Paired phones with who they act for, when they were paired and last used: a walker sees their own, the owner everyone's (`userId` narrows).
     */
    get: operations["listDevices"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/device/devices/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke a paired phone: its token answers 401 at once
     * @description Signed-in screens only (same-origin cookie). Revokes a paired phone: its token answers 401 at once. A walker may revoke their own phones, the owner any.
     */
    delete: operations["revokeDevice"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    BookingCreate: {
      title: string;
      serviceCode?: string;
      /**
       * Format: date-time
       * @description RFC 3339 date-time with an offset, e.g. 2026-12-08T09:00:00Z.
       */
      startAt: string;
      /**
       * Format: date-time
       * @description RFC 3339 date-time with an offset, e.g. 2026-12-08T09:00:00Z.
       */
      endAt: string;
      clientId?: string | null;
      staffId?: number | null;
      notes?: string | null;
    };
    BookingPatch: {
      /** @enum {string} */
      status?: "scheduled" | "cancelled" | "completed" | "no_show";
      reason?: string;
      /** @description Assign by hand; null goes back to the derived or default walker. */
      staffId?: number | null;
      /** @description null: back to the derived time. */
      startAt?: string | null;
      endAt?: string | null;
      notes?: string | null;
      /** @description When the walker arrived, by the phone's clock (offline check-in syncs with its real time). */
      checkInAt?: string | null;
      /** @description When the walker left; after `checkInAt`. */
      checkOutAt?: string | null;
    };
    FeedCreate: {
      label?: string;
    };
    SyncStart: Record<string, never>;
    ClientFilePatch: {
      address?: {
        line1?: string | null;
        line2?: string | null;
        city?: string | null;
        postalCode?: string | null;
        state?: string | null;
        country?: string | null;
      } | null;
      emergency?: {
        name?: string | null;
        phone?: string | null;
        note?: string | null;
      } | null;
    };
    PetCreate: {
      name: string;
      breed?: string | null;
      careNotes?: string | null;
      vet?: string | null;
    };
    PetPatch: {
      name?: string;
      breed?: string | null;
      careNotes?: string | null;
      vet?: string | null;
      sortOrder?: number;
    };
    AccessNotesInput: {
      keyLocation?: string | null;
      lockboxCode?: string | null;
      alarmCode?: string | null;
      parking?: string | null;
      other?: string | null;
    };
    DeviceAuthorizeRequest: {
      /** @description The app's id (any; not checked). */
      client_id?: string;
      /**
       * @description The phone's name (default "Phone").
       * @example Alex's iPhone
       */
      device_name?: string;
      /** @description Ignored: a phone's token always has write scope for its person. */
      scope?: string;
    };
    DeviceTokenRequest: components["schemas"]["DeviceCodeGrant"] | components["schemas"]["PairingCodeGrant"];
    DeviceCodeGrant: {
      /** @constant */
      grant_type: "urn:ietf:params:oauth:grant-type:device_code";
      device_code: string;
      client_id?: string;
    };
    PairingCodeGrant: {
      /** @constant */
      grant_type: "urn:stripe-bookings:params:oauth:grant-type:pairing_code";
      /**
       * @description The pairing code of the QR code (or typed).
       * @example WDJB-MJHT
       */
      code: string;
      /**
       * @description The phone's name as people will see it in Devices.
       * @example Alex's iPhone
       */
      device_name: string;
    };
    DeviceVerifyRequest: {
      /**
       * @description The code shown to the person, e.g. WDJB-MJHT (case, spaces and dashes ignored).
       * @example WDJB-MJHT
       */
      userCode: string;
      /** @enum {string} */
      action: "approve" | "deny";
    };
    Me: {
      /** @enum {string} */
      kind: "user" | "token";
      name: string;
      email: string | null;
      /** @enum {string} */
      role: "owner" | "staff";
      /** @enum {string} */
      scope: "read" | "write";
      staff: components["schemas"]["Staff"] | null;
    };
    Staff: {
      id: number;
      name: string;
      email: string | null;
      color: string;
      active: boolean;
    };
    /** @description RFC 9457 problem details. */
    Problem: {
      /** @description Stable URI naming the kind of problem (see docs/API.md). */
      type: string;
      title: string;
      status: number;
      detail?: string;
      /** @description The input fields at fault, `a.b[0].c`. */
      errors?: {
        path: string;
        message: string;
      }[];
      /** @description The `Request-Id` of the response (give it when reporting a problem). */
      requestId?: string;
      /** @description 412: the resource as it is now (its ETag is in the ETag header). */
      current?: unknown;
      /** @description 412 on a booking: its history events since the version named in If-Match (field by field, oldest first); null when that version is unknown. */
      changes?: components["schemas"]["BookingEvent"][] | null;
    };
    BookingEvent: {
      id: number;
      /**
       * Format: date-time
       * @description RFC 3339 date-time with an offset, e.g. 2026-12-08T09:00:00Z.
       */
      at: string;
      /** @enum {string} */
      kind: "created" | "derived" | "edited";
      actor: string;
      cause: string | null;
      reason: string | null;
      /** @description `{ field: [before, after] }` of each field that changed. */
      changes: {
        [key: string]: unknown[];
      };
    };
    BookingPage: {
      data: components["schemas"]["BookingExpanded"][];
      /** @description Pass as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
      /** @description Whether another page follows (`nextCursor` is then set). */
      hasMore: boolean;
    };
    BookingExpanded: {
      id: number;
      title: string;
      serviceCode: string;
      /** @enum {string} */
      status: "scheduled" | "held" | "cancelled" | "completed" | "no_show";
      statusReason: string | null;
      /**
       * Format: date-time
       * @description RFC 3339 date-time with an offset, e.g. 2026-12-08T09:00:00Z.
       */
      startAt: string;
      /**
       * Format: date-time
       * @description RFC 3339 date-time with an offset, e.g. 2026-12-08T09:00:00Z.
       */
      endAt: string;
      staffId: number | null;
      /** @description The client's Stripe customer id. */
      clientId: string | null;
      clientName: string | null;
      source: {
        /** @enum {string} */
        kind: "subscription" | "invoice" | "manual";
        id: string | null;
        lineId: string | null;
      };
      ruleId: number | null;
      notes: string | null;
      checkInAt: string | null;
      checkOutAt: string | null;
      /** @description What staff set by hand (kept when bookings are re-derived from Stripe). */
      overridden: {
        time: boolean;
        staff: boolean;
        status: boolean;
      };
      /** @description iCalendar SEQUENCE: bumped on every change. */
      sequence: number;
      /**
       * Format: date-time
       * @description RFC 3339 date-time with an offset, e.g. 2026-12-08T09:00:00Z.
       */
      updatedAt: string;
      /** @description With `expand=client`: the booking's client (null when it has none). */
      client?: components["schemas"]["ClientSummary"] | null;
      /** @description With `expand=staff`: the assigned walker (null when unassigned). */
      staff?: components["schemas"]["Staff"] | null;
    };
    ClientSummary: {
      /** @description Stripe customer id. */
      id: string;
      name: string | null;
      email: string | null;
      phone: string | null;
    };
    Booking: {
      id: number;
      title: string;
      serviceCode: string;
      /** @enum {string} */
      status: "scheduled" | "held" | "cancelled" | "completed" | "no_show";
      statusReason: string | null;
      /**
       * Format: date-time
       * @description RFC 3339 date-time with an offset, e.g. 2026-12-08T09:00:00Z.
       */
      startAt: string;
      /**
       * Format: date-time
       * @description RFC 3339 date-time with an offset, e.g. 2026-12-08T09:00:00Z.
       */
      endAt: string;
      staffId: number | null;
      /** @description The client's Stripe customer id. */
      clientId: string | null;
      clientName: string | null;
      source: {
        /** @enum {string} */
        kind: "subscription" | "invoice" | "manual";
        id: string | null;
        lineId: string | null;
      };
      ruleId: number | null;
      notes: string | null;
      checkInAt: string | null;
      checkOutAt: string | null;
      /** @description What staff set by hand (kept when bookings are re-derived from Stripe). */
      overridden: {
        time: boolean;
        staff: boolean;
        status: boolean;
      };
      /** @description iCalendar SEQUENCE: bumped on every change. */
      sequence: number;
      /**
       * Format: date-time
       * @description RFC 3339 date-time with an offset, e.g. 2026-12-08T09:00:00Z.
       */
      updatedAt: string;
    };
    BookingHistory: {
      data: components["schemas"]["BookingEvent"][];
      /** @description Pass as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
      /** @description Whether another page follows (`nextCursor` is then set). */
      hasMore: boolean;
    };
    ClientPage: {
      data: components["schemas"]["ClientSummary"][];
      /** @description Pass as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
      /** @description Whether another page follows (`nextCursor` is then set). */
      hasMore: boolean;
    };
    Client: {
      /** @description Stripe customer id. */
      id: string;
      name: string | null;
      email: string | null;
      phone: string | null;
      subscriptions: {
        id: string;
        status: string;
        /** @description Product names of the items. */
        plan: string[];
        nextInvoiceAt: string | null;
        cancelAtPeriodEnd: boolean;
      }[];
      invoices: {
        count: number;
        open: number;
        paid: number;
        currency: string | null;
        /** @description Minor units still to pay on open invoices. */
        amountDue: number;
        amountPaid: number;
      };
      upcomingBookings: components["schemas"]["Booking"][];
    };
    StaffList: {
      data: components["schemas"]["Staff"][];
      /** @description Pass as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
      /** @description Whether another page follows (`nextCursor` is then set). */
      hasMore: boolean;
    };
    ServiceList: {
      data: components["schemas"]["Service"][];
      /** @description Pass as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
      /** @description Whether another page follows (`nextCursor` is then set). */
      hasMore: boolean;
    };
    Service: {
      ruleId: number;
      name: string;
      serviceCode: string;
      durationMin: number | null;
      /** @description The schedule kind (weekly, once, …). */
      schedule: string;
    };
    Schedule: {
      /**
       * Format: date-time
       * @description RFC 3339 date-time with an offset, e.g. 2026-12-08T09:00:00Z.
       */
      from: string;
      /**
       * Format: date-time
       * @description RFC 3339 date-time with an offset, e.g. 2026-12-08T09:00:00Z.
       */
      to: string;
      timeZone: string;
      columns: {
        staff: components["schemas"]["Staff"] | null;
        bookings: components["schemas"]["Booking"][];
      }[];
    };
    Feed: {
      id: number;
      /** @enum {string} */
      scope: "business" | "staff" | "client";
      staffId: number | null;
      prefix: string;
      /** @description The subscribable URL; shown only when the feed is created. */
      url: string;
      /**
       * Format: date-time
       * @description RFC 3339 date-time with an offset, e.g. 2026-12-08T09:00:00Z.
       */
      createdAt: string;
    };
    SyncStatus: {
      running: boolean;
      /** @description The last sync this server process ran. */
      last:
        | ({
            runId: number;
            mode: string;
            status: string;
            durationMs: number;
          } & {
            [key: string]: unknown;
          })
        | null;
      /** @description The running sync's progress; null when none runs. */
      progress: {
        /** @description The object type whose page was written last. */
        kind: string;
        /** @description Objects listed so far (all types). */
        done: number;
        perSecond: number;
        /** @description Estimated objects left; null while unknown. */
        remaining: number | null;
        /** @description Estimated seconds left; null while unknown. */
        etaSeconds: number | null;
      } | null;
      runs: {
        id: number;
        mode: string;
        status: string;
        /**
         * Format: date-time
         * @description RFC 3339 date-time with an offset, e.g. 2026-12-08T09:00:00Z.
         */
        startedAt: string;
        finishedAt: string | null;
        error: string | null;
      }[];
    };
    ClientFile: {
      clientStripeId: string;
      name: string | null;
      phone: string | null;
      email: string | null;
      address: components["schemas"]["PostalAddress"] | null;
      /** @description `local`: the business's own address, which a sync never changes. */
      addressSource: ("local" | "stripe") | null;
      /** @description Opens the phone's maps app (Google Maps search URL). */
      mapUrl: string | null;
      /** @description The same place as an RFC 5870 `geo:` URI. */
      geoUri: string | null;
      pets: components["schemas"]["Pet"][];
      emergency: {
        name: string | null;
        phone: string | null;
        note: string | null;
      } | null;
      /** @description Never the notes themselves: those only come from a reveal. */
      access: {
        /** @description Access notes are stored for this client. */
        stored: boolean;
        /** @description The caller may reveal them now (POST …/access/reveal). */
        revealable: boolean;
      };
      /** @description The caller may change the file (the owner). */
      canEdit: boolean;
    };
    PostalAddress: {
      line1: string | null;
      line2: string | null;
      city: string | null;
      postalCode: string | null;
      state: string | null;
      /** @description ISO 3166-1 alpha-2. */
      country: string | null;
    };
    Pet: {
      id: number;
      name: string;
      breed: string | null;
      /** @description Feeding, medication, behaviour. */
      careNotes: string | null;
      vet: string | null;
      /** @description Same-origin URL of the photo; signed-in callers only. */
      photoUrl: string | null;
    };
    AccessState: {
      stored: boolean;
    };
    AccessReveal: {
      notes: components["schemas"]["AccessNotes"];
      /** Format: date-time */
      revealedAt: string;
    };
    AccessNotes: {
      keyLocation: string | null;
      lockboxCode: string | null;
      alarmCode: string | null;
      parking: string | null;
      other: string | null;
    };
    /**
     * @description Replay protocol: start without a cursor (a full copy of your scope, upserts only), apply
     *     each entry in order, follow `nextCursor` while `hasMore`, then keep `pollCursor` and ask again
     *     later (or open the stream). Entries: `upsert` (the item as it is now; store it), `remove` (the
     *     item left your scope, e.g. a booking reassigned to another walker or a client you have no
     *     bookings with any more: drop it, no data is sent), `delete` (the item no longer exists: drop
     *     it). Every change to a booking or client takes a new, strictly increasing `seq`, so a cursor
     *     never passes a change it has not delivered; replaying from any cursor ends with exactly the
     *     server's state for your scope. A staff-scoped caller sees its own bookings and the clients of
     *     those bookings, and never hears of other items. A `remove` or `delete` for an id you do not
     *     hold is harmless: ignore it.
     */
    ChangesPage: {
      data: components["schemas"]["Change"][];
      /** @description More changes now: fetch it at once. Null: up to date. */
      nextCursor: string | null;
      /** @description Where to resume later (also when up to date). */
      pollCursor: string;
      /** @description True when `nextCursor` is set: more changes are waiting. */
      hasMore: boolean;
    };
    Change: {
      /** @description The change's position in the log (informational). */
      seq: number;
      /** @enum {string} */
      entity: "booking" | "client";
      /** @description Booking id (as text) or client Stripe id. */
      id: string;
      /**
       * @description upsert: store `booking`/`client`. remove: left your scope (drop it; no data). delete: no longer exists (drop it). Cancellations are upserts.
       * @enum {string}
       */
      op: "upsert" | "remove" | "delete";
      /** @description With `upsert` of a booking. */
      booking?: components["schemas"]["Booking"];
      /** @description With `upsert` of a client. */
      client?: components["schemas"]["ClientSummary"];
    };
    DeviceAuthorization: {
      /** @description Secret; poll the token endpoint with it. */
      device_code: string;
      /** @example WDJB-MJHT */
      user_code: string;
      /** @example http://192.168.1.20:3000/device */
      verification_uri: string;
      /** @example http://192.168.1.20:3000/device?code=WDJB-MJHT */
      verification_uri_complete: string;
      /** @description Seconds the codes live (600). */
      expires_in: number;
      /** @description Seconds to wait between polls (5). */
      interval: number;
    };
    DeviceToken: {
      /** @description An API token (`sbk_…`) for `Authorization: Bearer`. */
      access_token: string;
      /** @constant */
      token_type: "Bearer";
      /** @constant */
      scope: "write";
    };
    DeviceTokenError: {
      /** @enum {string} */
      error:
        | "authorization_pending"
        | "slow_down"
        | "access_denied"
        | "expired_token"
        | "invalid_grant"
        | "invalid_request"
        | "unsupported_grant_type";
      error_description?: string;
    };
    DeviceVerifyResult: {
      /** @enum {string} */
      status: "approved" | "denied";
      deviceName: string;
    };
    Pairing: {
      id: number;
      /** @example WDJB-MJHT */
      code: string;
      /** @description What the QR code holds: `<server>/device/pair?code=…`. */
      pairingUrl: string;
      /** @description The address the phone should use. */
      server: string;
      /** @description False when the server listens only on this computer. */
      reachable: boolean;
      /**
       * Format: date-time
       * @example 2026-12-08T09:00:00Z
       */
      expiresAt: string;
    };
    PairingStatus: {
      /** @enum {string} */
      status: "waiting" | "paired" | "expired";
      deviceName: string | null;
      /**
       * Format: date-time
       * @example 2026-12-08T09:00:00Z
       */
      expiresAt: string;
    };
    DeviceList: {
      data: components["schemas"]["Device"][];
    };
    Device: {
      id: number;
      deviceName: string;
      userEmail: string | null;
      staffName: string | null;
      /**
       * Format: date-time
       * @example 2026-12-08T09:00:00Z
       */
      createdAt: string;
      lastUsedAt: string | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getMe: {
    parameters: {
      query?: never;
      header?: {
        /** @description An ETag you hold: 304 with no body when it is still current. */
        "If-None-Match"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Me"];
        };
      };
      /** @description Not modified (If-None-Match named the current ETag). */
      304: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid query or path parameters. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listBookings: {
    parameters: {
      query?: {
        /** @description Bookings starting at or after. */
        from?: string;
        /** @description Bookings starting before. */
        to?: string;
        staffId?: number;
        clientId?: string;
        /** @description One status or several, comma-separated (`scheduled,completed`). Default: every status, cancelled included. */
        status?: string;
        /** @description `id` (default): creation order, every match seen exactly once even while bookings change. `startAt`: soonest first (with `from` = now, the next visits); a booking rescheduled during the walk may be seen twice or not at all, the changes feed catches it. */
        sort?: "id" | "startAt";
        /** @description Embed related objects in each booking: `client`, `staff` or both. */
        expand?: string;
        /** @description Text in the title or client name/email. */
        q?: string;
        /** @description The `nextCursor` of the previous page; omit for the first page. */
        cursor?: string;
        /** @description Page size (default 50, at most 200). */
        limit?: number;
      };
      header?: {
        /** @description An ETag you hold: 304 with no body when it is still current. */
        "If-None-Match"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BookingPage"];
        };
      };
      /** @description Not modified (If-None-Match named the current ETag). */
      304: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid query or path parameters. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createBooking: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). A retry with the same key and body (compared as JSON: key order and spacing do not matter) replays the first response with `Idempotent-Replayed: true` and changes nothing; kept 24 h per caller. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["BookingCreate"];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          "Idempotent-Replayed"?: string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          /** @description The new booking's URL. */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Booking"];
        };
      };
      /** @description Malformed JSON or Idempotency-Key. */
      400: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not application/json. */
      415: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid body (`errors` names each field), or an Idempotency-Key reused with another request. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getBooking: {
    parameters: {
      query?: {
        /** @description Embed related objects: `client`, `staff` or both. */
        expand?: string;
      };
      header?: {
        /** @description An ETag you hold: 304 with no body when it is still current. */
        "If-None-Match"?: string;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BookingExpanded"];
        };
      };
      /** @description Not modified (If-None-Match named the current ETag). */
      304: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource (or not visible to this caller). */
      404: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid query or path parameters. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateBooking: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). A retry with the same key and body (compared as JSON: key order and spacing do not matter) replays the first response with `Idempotent-Replayed: true` and changes nothing; kept 24 h per caller. */
        "Idempotency-Key"?: string;
        /** @description The ETag you last read; 412 when stale. */
        "If-Match"?: string;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["BookingPatch"];
      };
    };
    responses: {
      /** @description Updated */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          "Idempotent-Replayed"?: string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Booking"];
        };
      };
      /** @description Malformed JSON or Idempotency-Key. */
      400: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource (or not visible to this caller). */
      404: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The change contradicts Stripe (e.g. un-cancelling a booking Stripe cancelled). */
      409: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match is stale: `current` holds the booking now, `changes` what changed since your version. */
      412: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not application/json. */
      415: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid body (`errors` names each field), or an Idempotency-Key reused with another request. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getBookingHistory: {
    parameters: {
      query?: never;
      header?: {
        /** @description An ETag you hold: 304 with no body when it is still current. */
        "If-None-Match"?: string;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BookingHistory"];
        };
      };
      /** @description Not modified (If-None-Match named the current ETag). */
      304: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource (or not visible to this caller). */
      404: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid query or path parameters. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listClients: {
    parameters: {
      query?: {
        /** @description Text in name, email or phone. */
        q?: string;
        /** @description The `nextCursor` of the previous page; omit for the first page. */
        cursor?: string;
        /** @description Page size (default 50, at most 200). */
        limit?: number;
      };
      header?: {
        /** @description An ETag you hold: 304 with no body when it is still current. */
        "If-None-Match"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ClientPage"];
        };
      };
      /** @description Not modified (If-None-Match named the current ETag). */
      304: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid query or path parameters. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getClient: {
    parameters: {
      query?: never;
      header?: {
        /** @description An ETag you hold: 304 with no body when it is still current. */
        "If-None-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Client"];
        };
      };
      /** @description Not modified (If-None-Match named the current ETag). */
      304: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource (or not visible to this caller). */
      404: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid query or path parameters. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listStaff: {
    parameters: {
      query?: never;
      header?: {
        /** @description An ETag you hold: 304 with no body when it is still current. */
        "If-None-Match"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["StaffList"];
        };
      };
      /** @description Not modified (If-None-Match named the current ETag). */
      304: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid query or path parameters. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listServices: {
    parameters: {
      query?: never;
      header?: {
        /** @description An ETag you hold: 304 with no body when it is still current. */
        "If-None-Match"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ServiceList"];
        };
      };
      /** @description Not modified (If-None-Match named the current ETag). */
      304: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid query or path parameters. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getSchedule: {
    parameters: {
      query?: {
        /** @description First day (business time zone); default today. */
        date?: string;
        days?: number;
      };
      header?: {
        /** @description An ETag you hold: 304 with no body when it is still current. */
        "If-None-Match"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Schedule"];
        };
      };
      /** @description Not modified (If-None-Match named the current ETag). */
      304: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid query or path parameters. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createFeed: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). A retry with the same key and body (compared as JSON: key order and spacing do not matter) replays the first response with `Idempotent-Replayed: true` and changes nothing; kept 24 h per caller. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["FeedCreate"];
      };
    };
    responses: {
      /** @description Created (the URL is shown only now) */
      201: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          "Idempotent-Replayed"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Feed"];
        };
      };
      /** @description Malformed JSON or Idempotency-Key. */
      400: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A replay of this Idempotency-Key: the feed exists, its URL is not shown again (`secret-shown-once`). */
      409: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not application/json. */
      415: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid body (`errors` names each field), or an Idempotency-Key reused with another request. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  revokeFeed: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). A retry with the same key and body (compared as JSON: key order and spacing do not matter) replays the first response with `Idempotent-Replayed: true` and changes nothing; kept 24 h per caller. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked */
      204: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          "Idempotent-Replayed"?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Malformed JSON or Idempotency-Key. */
      400: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource (or not visible to this caller). */
      404: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not application/json. */
      415: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid body (`errors` names each field), or an Idempotency-Key reused with another request. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getSync: {
    parameters: {
      query?: never;
      header?: {
        /** @description An ETag you hold: 304 with no body when it is still current. */
        "If-None-Match"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SyncStatus"];
        };
      };
      /** @description Not modified (If-None-Match named the current ETag). */
      304: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid query or path parameters. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  startSync: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). A retry with the same key and body (compared as JSON: key order and spacing do not matter) replays the first response with `Idempotent-Replayed: true` and changes nothing; kept 24 h per caller. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["SyncStart"];
      };
    };
    responses: {
      /** @description Started */
      202: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          "Idempotent-Replayed"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @constant */
            status: "started";
          };
        };
      };
      /** @description Malformed JSON or Idempotency-Key. */
      400: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Demo mode, or a sync is already running. */
      409: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not application/json. */
      415: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid body (`errors` names each field), or an Idempotency-Key reused with another request. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getClientFile: {
    parameters: {
      query?: never;
      header?: {
        /** @description An ETag you hold: 304 with no body when it is still current. */
        "If-None-Match"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ClientFile"];
        };
      };
      /** @description Not modified (If-None-Match named the current ETag). */
      304: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource (or not visible to this caller). */
      404: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid query or path parameters. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updateClientFile: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). A retry with the same key and body (compared as JSON: key order and spacing do not matter) replays the first response with `Idempotent-Replayed: true` and changes nothing; kept 24 h per caller. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ClientFilePatch"];
      };
    };
    responses: {
      /** @description Updated */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          "Idempotent-Replayed"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ClientFile"];
        };
      };
      /** @description Malformed JSON or Idempotency-Key. */
      400: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource (or not visible to this caller). */
      404: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not application/json. */
      415: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid body (`errors` names each field), or an Idempotency-Key reused with another request. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createPet: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). A retry with the same key and body (compared as JSON: key order and spacing do not matter) replays the first response with `Idempotent-Replayed: true` and changes nothing; kept 24 h per caller. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PetCreate"];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          "Idempotent-Replayed"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Pet"];
        };
      };
      /** @description Malformed JSON or Idempotency-Key. */
      400: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource (or not visible to this caller). */
      404: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not application/json. */
      415: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid body (`errors` names each field), or an Idempotency-Key reused with another request. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deletePet: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). A retry with the same key and body (compared as JSON: key order and spacing do not matter) replays the first response with `Idempotent-Replayed: true` and changes nothing; kept 24 h per caller. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
        petId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          "Idempotent-Replayed"?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Malformed JSON or Idempotency-Key. */
      400: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource (or not visible to this caller). */
      404: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not application/json. */
      415: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid body (`errors` names each field), or an Idempotency-Key reused with another request. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  updatePet: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). A retry with the same key and body (compared as JSON: key order and spacing do not matter) replays the first response with `Idempotent-Replayed: true` and changes nothing; kept 24 h per caller. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
        petId: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PetPatch"];
      };
    };
    responses: {
      /** @description Updated */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          "Idempotent-Replayed"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Pet"];
        };
      };
      /** @description Malformed JSON or Idempotency-Key. */
      400: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource (or not visible to this caller). */
      404: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not application/json. */
      415: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid body (`errors` names each field), or an Idempotency-Key reused with another request. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getPetPhoto: {
    parameters: {
      query?: {
        /** @description Version of the photo (ignored; keeps caches apart). */
        v?: string;
      };
      header?: {
        /** @description An ETag you hold: 304 with no body when it is still current. */
        "If-None-Match"?: string;
      };
      path: {
        id: string;
        petId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The image */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "image/jpeg": string;
          "image/png": string;
          "image/webp": string;
        };
      };
      /** @description Not modified (If-None-Match named the current ETag). */
      304: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource (or not visible to this caller). */
      404: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid query or path parameters. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  putPetPhoto: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). A retry with the same key and body (compared as JSON: key order and spacing do not matter) replays the first response with `Idempotent-Replayed: true` and changes nothing; kept 24 h per caller. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
        petId: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "image/jpeg": string;
        "image/png": string;
        "image/webp": string;
        "application/octet-stream": string;
      };
    };
    responses: {
      /** @description Stored */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          "Idempotent-Replayed"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Pet"];
        };
      };
      /** @description Malformed JSON or Idempotency-Key. */
      400: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource (or not visible to this caller). */
      404: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not application/json. */
      415: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid body (`errors` names each field), or an Idempotency-Key reused with another request. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deletePetPhoto: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). A retry with the same key and body (compared as JSON: key order and spacing do not matter) replays the first response with `Idempotent-Replayed: true` and changes nothing; kept 24 h per caller. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
        petId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          "Idempotent-Replayed"?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Malformed JSON or Idempotency-Key. */
      400: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource (or not visible to this caller). */
      404: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not application/json. */
      415: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid body (`errors` names each field), or an Idempotency-Key reused with another request. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  putAccessNotes: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). A retry with the same key and body (compared as JSON: key order and spacing do not matter) replays the first response with `Idempotent-Replayed: true` and changes nothing; kept 24 h per caller. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["AccessNotesInput"];
      };
    };
    responses: {
      /** @description Stored */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          "Idempotent-Replayed"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AccessState"];
        };
      };
      /** @description Malformed JSON or Idempotency-Key. */
      400: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource (or not visible to this caller). */
      404: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not application/json. */
      415: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid body (`errors` names each field), or an Idempotency-Key reused with another request. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  revealAccessNotes: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). A retry with the same key and body (compared as JSON: key order and spacing do not matter) replays the first response with `Idempotent-Replayed: true` and changes nothing; kept 24 h per caller. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The notes (`Cache-Control: no-store`) */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          "Idempotent-Replayed"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AccessReveal"];
        };
      };
      /** @description Malformed JSON or Idempotency-Key. */
      400: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such resource (or not visible to this caller). */
      404: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The notes cannot be opened: the app's secret changed since they were saved. */
      409: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is not application/json. */
      415: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid body (`errors` names each field), or an Idempotency-Key reused with another request. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listChanges: {
    parameters: {
      query?: {
        /** @description A `nextCursor` or `pollCursor`; omit for a full copy. */
        cursor?: string;
        /** @description Items per page (default 50, at most 200). */
        limit?: number;
      };
      header?: {
        /** @description An ETag you hold: 304 with no body when it is still current. */
        "If-None-Match"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ChangesPage"];
        };
      };
      /** @description Not modified (If-None-Match named the current ETag). */
      304: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          /** @description Version of the resource (send it as If-None-Match or If-Match). */
          ETag: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid query or path parameters. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  streamChanges: {
    parameters: {
      query?: {
        /** @description A `nextCursor` or `pollCursor`; omit for a full copy. */
        cursor?: string;
      };
      header?: {
        /** @description The id of the last event received; resumes after it. */
        "Last-Event-ID"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An endless stream of `changes` events (ChangesPage as JSON in `data`). */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now. */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "text/event-stream": string;
        };
      };
      /** @description No or invalid credentials. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description `Bearer realm="api"`, with `error="invalid_token"` when a token was sent. */
          "WWW-Authenticate": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Credentials not enough (read-only token, a walker's token on an owner route, cross-site). */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid query or path parameters. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit reached. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          /** @description Requests this token may make per minute. */
          "RateLimit-Limit": string;
          /** @description Requests left now (0). */
          "RateLimit-Remaining": string;
          /** @description Seconds until the allowance is full again. */
          "RateLimit-Reset": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Failed on our side (logged with the request id). */
      500: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database is busy; retry. */
      503: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`, the server log carries it. */
          "Request-Id": string;
          /** @description Seconds to wait. */
          "Retry-After": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  startDeviceAuthorization: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/x-www-form-urlencoded": components["schemas"]["DeviceAuthorizeRequest"];
        "application/json": components["schemas"]["DeviceAuthorizeRequest"];
      };
    };
    responses: {
      /** @description Codes for the phone and its person */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeviceAuthorization"];
        };
      };
      /** @description Body too large. */
      413: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Body is neither form-encoded nor JSON. */
      415: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid field (e.g. an empty device_name). */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many requests from this address; see Retry-After. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getDeviceToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/x-www-form-urlencoded": components["schemas"]["DeviceTokenRequest"];
        "application/json": components["schemas"]["DeviceTokenRequest"];
      };
    };
    responses: {
      /** @description The phone's API token (shown once) */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeviceToken"];
        };
      };
      /** @description Pending, slow down, denied, expired, used or malformed */
      400: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeviceTokenError"];
        };
      };
      /** @description Too many wrong pairing codes from this address */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeviceTokenError"];
        };
      };
    };
  };
  decideDeviceAuthorization: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["DeviceVerifyRequest"];
      };
    };
    responses: {
      /** @description Decided */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeviceVerifyResult"];
        };
      };
      /** @description Not signed in. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Cross-site request. */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No phone waits for this code (wrong, expired or used). */
      404: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The account is not linked to a walker. */
      409: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid body. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many wrong codes; see Retry-After. */
      429: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createPairing: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Shown once; lives 10 minutes */
      201: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Pairing"];
        };
      };
      /** @description Not signed in. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Cross-site request. */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The account is not linked to a walker. */
      409: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getPairing: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PairingStatus"];
        };
      };
      /** @description Not signed in. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such pairing of yours. */
      404: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listDevices: {
    parameters: {
      query?: {
        userId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DeviceList"];
        };
      };
      /** @description Not signed in. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Invalid query. */
      422: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  revokeDevice: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked */
      204: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Not signed in. */
      401: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Cross-site request. */
      403: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such active device you may revoke. */
      404: {
        headers: {
          /** @description This response's id; problems repeat it as `requestId`. */
          "Request-Id": string;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
}
