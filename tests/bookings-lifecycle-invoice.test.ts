// One-off invoice lifecycle → bookings, table-driven, in London and New York across a DST change.
import { afterEach, describe, expect, it } from "vitest";
import { catalog } from "@/tests/support/mirror-rows";
import {
  invRef,
  local,
  matrix,
  nextOffsetChange,
  openScenario,
  type Scenario,
} from "@/tests/support/booking-scenario";
import { listUnmappedLines } from "@/lib/rules/match";
import { addDays } from "@/lib/bookings/local-time";

let s: Scenario | undefined;
afterEach(() => s?.cleanup());

const DAY = 86_400_000;
const boardLine = (quantity: number) => [
  { stripeId: "il_1", priceStripeId: catalog.board.price, productStripeId: catalog.board.product, quantity },
];

interface Case {
  name: string;
  policy?: "keep" | "hold";
  run: (s: Scenario) => void;
}

const cases: Case[] = [
  {
    name: "paid grooming: one 90-minute booking at 10:00 local the day after payment",
    run: (s) => {
      expect(s.apply(s.invoice())).toMatchObject({ inserted: 1 });
      const [booking] = s.live(invRef);
      const paidDate = local(new Date(s.now.getTime() - 2 * 3600_000), s.zone).date;
      expect(local(booking!.startAt, s.zone)).toMatchObject({ date: addDays(paidDate, 1), time: "10:00" });
      expect(booking!.endAt.getTime() - booking!.startAt.getTime()).toBe(90 * 60_000);
      expect(booking).toMatchObject({
        status: "scheduled",
        serviceCode: "GROOM",
        title: "Grooming — Jane Doe",
        sourceLineId: "il_1",
      });
      expect(s.apply(s.invoice())).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    },
  },
  {
    name: "boarding, quantity 3 across the DST change: three nights 18:00 → 09:00 local",
    run: (s) => {
      const change = nextOffsetChange(s.zone, s.now);
      const paidAt = new Date(change.getTime() - 2 * DAY);
      s.apply(s.invoice({ paidAt, created: paidAt, lines: boardLine(3) }));
      const nights = s.live(invRef);
      expect(nights).toHaveLength(3);
      const dates = nights.map((b) => local(b.startAt, s.zone).date);
      expect(dates).toEqual([dates[0], addDays(dates[0]!, 1), addDays(dates[0]!, 2)]);
      for (const night of nights) {
        expect(local(night.startAt, s.zone).time).toBe("18:00");
        expect(local(night.endAt, s.zone).time).toBe("09:00");
      }
      expect(new Set(nights.map((b) => b.endAt.getTime() - b.startAt.getTime())).size).toBe(2);
    },
  },
  {
    name: "voided: an open invoice's booking is cancelled when the invoice is voided",
    run: (s) => {
      s.apply(s.invoice({ status: "open", paidAt: null }));
      expect(s.live(invRef)).toHaveLength(1);
      expect(s.apply(s.invoice({ status: "void", paidAt: null }))).toMatchObject({ cancelled: 1 });
      expect(s.rows(invRef)[0]).toMatchObject({
        status: "cancelled",
        statusReason: "invoice_void",
        sequence: 1,
      });
    },
  },
  {
    name: "uncollectible: the booking is cancelled",
    run: (s) => {
      s.apply(s.invoice({ status: "open", paidAt: null }));
      s.apply(s.invoice({ status: "uncollectible", paidAt: null }));
      expect(s.rows(invRef)[0]).toMatchObject({ status: "cancelled", statusReason: "invoice_uncollectible" });
    },
  },
  {
    name: "fully refunded: cancelled; a partial refund keeps the booking",
    run: (s) => {
      s.apply(s.invoice({ total: 5000 }));
      expect(s.apply(s.invoice({ total: 5000, amountRefunded: 2000 }))).toMatchObject({
        cancelled: 0,
        unchanged: 1,
      });
      expect(s.apply(s.invoice({ total: 5000, amountRefunded: 5000 }))).toMatchObject({ cancelled: 1 });
      expect(s.rows(invRef)[0]).toMatchObject({ status: "cancelled", statusReason: "invoice_refunded" });
    },
  },
  {
    name: "payment failed, policy keep: the booking stays scheduled",
    policy: "keep",
    run: (s) => {
      s.apply(s.invoice({ status: "open", paidAt: null, paymentFailed: true }));
      expect(s.live(invRef)[0]).toMatchObject({ status: "scheduled", statusReason: null });
    },
  },
  {
    name: "payment failed, policy hold: held until paid, then scheduled (same booking, sequence bumped)",
    policy: "hold",
    run: (s) => {
      const created = new Date(s.now.getTime() - 3 * 3600_000);
      s.apply(s.invoice({ status: "open", paidAt: null, paymentFailed: true, created }));
      const held = s.live(invRef)[0];
      expect(held).toMatchObject({ status: "held", statusReason: "payment_failed" });
      // Paid at the same moment the line period started, so the slot does not move.
      s.apply(s.invoice({ status: "paid", paidAt: created, created }));
      expect(s.live(invRef)[0]).toMatchObject({
        id: held!.id,
        status: "scheduled",
        statusReason: null,
        sequence: 1,
      });
    },
  },
  {
    name: "draft: nothing is booked yet",
    run: (s) => {
      expect(s.apply(s.invoice({ status: "draft", paidAt: null }))).toMatchObject({ inserted: 0 });
      expect(s.rows(invRef)).toHaveLength(0);
    },
  },
  {
    name: "deleted: the booking is cancelled",
    run: (s) => {
      s.apply(s.invoice({ status: "open", paidAt: null }));
      s.apply(s.invoice({ status: "open", paidAt: null, deleted: true }));
      expect(s.rows(invRef)[0]).toMatchObject({ status: "cancelled", statusReason: "invoice_deleted" });
    },
  },
  {
    name: "a subscription's invoice adds no bookings of its own (the subscription has them)",
    run: (s) => {
      s.apply(
        s.invoice({
          subscriptionStripeId: "sub_1",
          lines: [
            {
              stripeId: "il_1",
              priceStripeId: catalog.walk60.price,
              productStripeId: catalog.walk60.product,
            },
          ],
        }),
      );
      expect(s.rows(invRef)).toHaveLength(0);
    },
  },
  {
    name: "gift card: no rule, no booking, reported as unmapped",
    run: (s) => {
      s.apply(
        s.invoice({
          lines: [
            { stripeId: "il_gift", priceStripeId: catalog.gift.price, productStripeId: catalog.gift.product },
          ],
        }),
      );
      expect(s.rows(invRef)).toHaveLength(0);
      expect(listUnmappedLines(s.db)).toEqual([
        expect.objectContaining({
          sourceStripeId: "in_1",
          lineStripeId: "il_gift",
          productName: "Gift Card",
          clientName: "Jane Doe",
        }),
      ]);
    },
  },
];

describe.each(matrix)("one-off invoice lifecycle, $label", ({ zone, now }) => {
  it.each(cases)("$name", ({ run, policy }) => {
    s = openScenario(zone, now, { paymentFailedPolicy: policy ?? "keep" });
    run(s);
  });
});
