import { it } from "vitest";
import { calendarQueries } from "@/lib/calendar/query";
import { freshDb } from "@/tests/support/db";
it("plans", () => {
  const t = freshDb();
  for (const f of [{}, { staffId: 1 }, { clientStripeId: "x" }, { staffId: 1, clientStripeId: "x" }]) {
    const q = calendarQueries(f, { from: new Date(0), to: new Date(1) });
    for (const sql of [q.rows, q.version]) console.log(JSON.stringify(f), (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(q.params) as {detail:string}[]).map(r => r.detail).join(" | "));
  }
  t.cleanup();
});
