// /rules — owner only: rules in match order (reorder, activate/deactivate, edit) and the
// purchased line items no rule turns into bookings, each with "Create a rule for this".
import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/page";
import { sqlite } from "@/lib/db/sqlite";
import { createRuleHref } from "@/lib/rules/editor";
import { listUnmappedLines } from "@/lib/rules/match";
import { listRules, type RuleListing } from "@/lib/rules/repo";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pill } from "@/components/ui/pill";
import { RuleActions } from "@/app/rules/rule-actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Rules" };

function describe(rule: RuleListing): string {
  const r = rule.rule;
  if (!r) return "";
  const s = r.allocation.schedule;
  const when =
    s.kind === "weekly"
      ? `weekly on ${s.byWeekday.join(", ")}${s.everyWeeks && s.everyWeeks > 1 ? ` every ${s.everyWeeks} weeks` : ""}`
      : s.kind === "perPeriod"
        ? `${s.count} per period`
        : s.kind === "rrule"
          ? s.rule
          : s.kind === "once"
            ? "once per purchase"
            : "consecutive days";
  const times = r.allocation.startTimes?.join(", ") ?? "default time";
  const minutes = r.allocation.durationMin ? `${r.allocation.durationMin} min` : "default length";
  return `${when} · ${times} · ${minutes}`;
}

export default async function RulesPage() {
  await requirePage("owner");
  const db = sqlite();
  const rules = listRules(db);
  const unmapped = listUnmappedLines(db);
  return (
    <div className="space-y-8">
      <PageHeader
        title="Rules"
        description="A purchased line item gets the first matching active rule, top to bottom"
        actions={
          <Button asChild variant="primary">
            <Link href="/rules/new">New rule</Link>
          </Button>
        }
      />
      <section aria-label="Rules in match order">
        {rules.length === 0 ? (
          <EmptyState
            title="No rules yet: nothing is booked"
            action={
              <Button asChild variant="primary">
                <Link href="/rules/new">Create the first rule</Link>
              </Button>
            }
          >
            A rule turns what a customer pays for into bookings (docs/RULES.md).
          </EmptyState>
        ) : (
          <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {rules.map((rule, i) => (
              <li
                key={rule.id}
                className="flex flex-col gap-2 px-4 py-3 md:flex-row md:items-center"
                data-testid="rule-row"
              >
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="w-6 text-sm text-slate-600" aria-label={`Position ${i + 1}`}>
                      {i + 1}.
                    </span>
                    <Link
                      href={`/rules/${rule.id}`}
                      className="font-medium text-indigo-800 underline underline-offset-2 hover:text-indigo-950"
                    >
                      {rule.name}
                    </Link>
                    <Pill>{rule.serviceCode}</Pill>
                    <span className="text-xs text-slate-700">priority {rule.priority}</span>
                    {rule.active ? <Pill tone="green">active</Pill> : <Pill tone="grey">inactive</Pill>}
                    {rule.errors.length > 0 ? <Pill tone="rose">invalid — skipped</Pill> : null}
                  </div>
                  <p className="mt-0.5 pl-8 text-xs text-slate-700">{describe(rule)}</p>
                  {rule.errors.length > 0 ? (
                    <ul className="mt-1 pl-8 text-xs text-rose-700">
                      {rule.errors.map((e) => (
                        <li key={`${e.path}:${e.message}`}>
                          <code>{e.path}</code>: {e.message}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
                <RuleActions
                  id={rule.id}
                  name={rule.name}
                  active={rule.active}
                  first={i === 0}
                  last={i === rules.length - 1}
                />
              </li>
            ))}
          </ol>
        )}
      </section>

      <Card aria-labelledby="unmapped-heading">
        <CardHeader id="unmapped-heading" title={`Unmapped line items (${unmapped.length})`} />
        <p className="px-4 pt-3 text-sm text-slate-700">
          Live subscriptions and open or paid invoices whose lines no active rule matches: they make no
          bookings.
        </p>
        {unmapped.length === 0 ? (
          <p className="px-4 py-3 text-sm text-emerald-800">Every line item is covered by a rule.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Unmapped line items">
            {unmapped.map((line) => (
              <li
                key={`${line.sourceStripeId}:${line.lineStripeId}`}
                className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center"
              >
                <div className="min-w-0 flex-1 text-sm">
                  <span className="font-medium">
                    {line.productName ?? line.productStripeId ?? "Unknown product"}
                  </span>
                  {line.serviceCode ? <Pill className="ml-2">{line.serviceCode}</Pill> : null}
                  <span className="block text-xs text-slate-700">
                    {line.clientName ?? line.clientStripeId} ·{" "}
                    {line.priceLabel ?? line.priceStripeId ?? "no price"} · qty {line.quantity} ·{" "}
                    <span className="break-all font-mono">{line.sourceStripeId}</span>
                  </span>
                </div>
                <Button asChild size="sm">
                  <Link href={createRuleHref(line)}>
                    Create a rule for this
                    <span className="sr-only"> ({line.productName ?? line.lineStripeId})</span>
                  </Link>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
