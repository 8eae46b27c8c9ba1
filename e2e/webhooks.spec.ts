// The webhook endpoint over real HTTP, against the production server.
import { expect, test } from "./fixtures";
import Stripe from "stripe";

const secret = "whsec_e2e_test_secret";
const T = Math.floor(Date.now() / 1000);

function signedHeaders(body: string, key = secret) {
  return {
    "content-type": "application/json",
    "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload: body, secret: key }),
  };
}

const customer = {
  id: "cus_e2e_1",
  object: "customer",
  created: T,
  email: "e2e@example.com",
  name: "E2E Client",
  livemode: false,
  metadata: {},
};
const subscriptionEvent = {
  id: "evt_e2e_sub",
  object: "event",
  type: "customer.subscription.created",
  created: T,
  livemode: false,
  data: {
    object: {
      id: "sub_e2e_1",
      object: "subscription",
      created: T,
      customer: customer.id,
      status: "active",
      currency: "gbp",
      start_date: T,
      cancel_at_period_end: false,
      livemode: false,
      metadata: {},
      items: {
        object: "list",
        has_more: false,
        data: [
          {
            id: "si_e2e_1",
            object: "subscription_item",
            created: T,
            quantity: 1,
            metadata: {},
            price: { id: "price_walk60_weekly", object: "price", product: "prod_walk60" },
            current_period_start: T,
            current_period_end: T + 7 * 86400,
          },
        ],
      },
    },
  },
};

test("a signed subscription event becomes bookings; a redelivery changes nothing", async ({ request }) => {
  const customerEvent = JSON.stringify({
    id: "evt_e2e_cus",
    object: "event",
    type: "customer.created",
    created: T,
    livemode: false,
    data: { object: customer },
  });
  expect(
    (
      await request.post("/api/stripe/webhook", {
        headers: signedHeaders(customerEvent),
        data: customerEvent,
      })
    ).status(),
  ).toBe(200);
  const body = JSON.stringify(subscriptionEvent);
  const [first, second] = await Promise.all([
    request.post("/api/stripe/webhook", { headers: signedHeaders(body), data: body }),
    request.post("/api/stripe/webhook", { headers: signedHeaders(body), data: body }),
  ]);
  expect([first.status(), second.status()]).toEqual([200, 200]);
  const duplicates = [await first.json(), await second.json()].map(
    (answer: { duplicate: boolean }) => answer.duplicate,
  );
  expect(duplicates.sort()).toEqual([false, true]);

  await expect
    .poll(async () => {
      const list = await (await request.get("/api/bookings?sourceId=sub_e2e_1")).json();
      return list.bookings.length;
    })
    .toBeGreaterThan(0);
  const before = await (await request.get("/api/bookings?sourceId=sub_e2e_1")).json();
  await request.post("/api/stripe/webhook", { headers: signedHeaders(body), data: body });
  const after = await (await request.get("/api/bookings?sourceId=sub_e2e_1")).json();
  expect(after).toEqual(before);
  expect(before.bookings[0].title).toContain("E2E Client");
});

test("a bad signature is refused with problem JSON", async ({ request }) => {
  const body = JSON.stringify(subscriptionEvent);
  const response = await request.post("/api/stripe/webhook", {
    headers: signedHeaders(body, "whsec_wrong"),
    data: body,
  });
  expect(response.status()).toBe(400);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  expect((await response.json()).detail).toMatch(/signature/i);
});

test("bad API query parameters are a 422 naming the parameter", async ({ request }) => {
  const response = await request.get("/api/bookings?limit=0");
  expect(response.status()).toBe(422);
  expect((await response.json()).errors[0].path).toBe("limit");
});
