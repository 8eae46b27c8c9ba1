// Rules in match order, and the purchased line items no rule turns into bookings. Read-only.
import type { Metadata } from "next";
import { sqlite } from "@/lib/db/sqlite";
import { requirePage } from "@/lib/auth/page";
import { listUnmappedLines } from "@/lib/rules/match";
import { listRules } from "@/lib/rules/repo";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Rules" };

function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

export default async function RulesPage() {
  await requirePage("owner");
  const db = sqlite();
  const rules = listRules(db);
  const unmapped = listUnmappedLines(db);

  return (
    <div className="space-y-10">
      <section>
        <h1 className="text-2xl font-semibold">Rules</h1>
        <p className="text-sm text-slate-600">
          A line item gets the first matching active rule (lower priority number first). Change rules with the
          CLI:
          <code className="ml-1 rounded bg-slate-100 px-1">rules:preview</code>,{" "}
          <code className="rounded bg-slate-100 px-1">rules:create</code>.
        </p>
        {rules.length === 0 && <p className="mt-4 text-slate-600">No rules yet: nothing is booked.</p>}
        <ul className="mt-4 space-y-4">
          {rules.map((rule) => (
            <li
              key={rule.id}
              className={`rounded-lg border bg-white p-4 ${rule.active ? "border-slate-200" : "border-dashed border-slate-300 opacity-70"}`}
            >
              <div className="flex flex-wrap items-baseline gap-3">
                <h2 className="font-medium">
                  #{rule.id} {rule.name}
                </h2>
                <span className="text-xs text-slate-500">{rule.serviceCode}</span>
                <span className="text-xs text-slate-500">priority {rule.priority}</span>
                <span
                  className={`rounded px-2 py-0.5 text-xs ${rule.active ? "bg-emerald-50 text-emerald-700" : "bg-slate-100 text-slate-500"}`}
                >
                  {rule.active ? "active" : "inactive"}
                </span>
                {rule.errors.length > 0 && (
                  <span className="rounded bg-rose-50 px-2 py-0.5 text-xs text-rose-700">
                    invalid — skipped
                  </span>
                )}
              </div>
              {rule.errors.length > 0 && (
                <ul className="mt-2 text-xs text-rose-700">
                  {rule.errors.map((e) => (
                    <li key={`${e.path}:${e.message}`}>
                      <code>{e.path}</code>: {e.message}
                    </li>
                  ))}
                </ul>
              )}
              <div className="mt-3 grid gap-3 md:grid-cols-2">
                <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs">
                  {pretty(rule.matcherJson)}
                </pre>
                <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs">
                  {pretty(rule.allocationJson)}
                </pre>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section>
        <h2 className="text-xl font-semibold">Unmapped line items</h2>
        <p className="text-sm text-slate-600">
          Live subscriptions and open or paid invoices whose lines no active rule matches: they produce no
          bookings.
        </p>
        {unmapped.length === 0 ? (
          <p className="mt-3 text-sm text-emerald-700">Every line item is covered by a rule.</p>
        ) : (
          <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-left text-sm">
              <thead className="bg-slate-50 text-xs uppercase text-slate-500">
                <tr>
                  <th className="px-3 py-2">Client</th>
                  <th className="px-3 py-2">Product</th>
                  <th className="px-3 py-2">Price</th>
                  <th className="px-3 py-2">Qty</th>
                  <th className="px-3 py-2">Source</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {unmapped.map((line) => (
                  <tr key={`${line.sourceStripeId}:${line.lineStripeId}`}>
                    <td className="px-3 py-2">{line.clientName ?? line.clientStripeId}</td>
                    <td className="px-3 py-2">
                      {line.productName ?? line.productStripeId ?? "—"}
                      {line.serviceCode && (
                        <span className="ml-1 text-xs text-slate-500">{line.serviceCode}</span>
                      )}
                    </td>
                    <td className="px-3 py-2">{line.priceLabel ?? line.priceStripeId ?? "—"}</td>
                    <td className="px-3 py-2">{line.quantity}</td>
                    <td className="px-3 py-2 font-mono text-xs text-slate-600">
                      {line.sourceStripeId} / {line.lineStripeId}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
