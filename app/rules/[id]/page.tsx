// /rules/<id> — edit a rule (form + JSON, preview, save) and see its upcoming bookings.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/page";
import { prisma } from "@/lib/db/prisma";
import { sqlite } from "@/lib/db/sqlite";
import { upcomingRuleBookings } from "@/lib/rules/editor";
import { getRule } from "@/lib/rules/repo";
import { loadSettings } from "@/lib/settings";
import { listActiveStaff } from "@/lib/staff";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pill, StatusPill } from "@/components/ui/pill";
import { RuleEditor } from "@/app/rules/rule-editor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit rule" };

function stored(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

export default async function RulePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("owner");
  const { id } = await params;
  const db = sqlite();
  const rule = /^\d+$/.test(id) ? getRule(db, Number(id)) : null;
  if (!rule) notFound();
  const { timeZone } = loadSettings(db);
  const staff = await listActiveStaff(prisma());
  const upcoming = upcomingRuleBookings(db, rule.id, new Date(), 10);
  const draft = {
    name: rule.name,
    serviceCode: rule.serviceCode,
    priority: rule.priority,
    active: rule.active,
    matcher: stored(rule.matcherJson),
    allocation: stored(rule.allocationJson),
  };
  return (
    <>
      <PageHeader
        title={rule.name}
        description={
          <>
            <Link href="/rules" className="text-indigo-800 underline underline-offset-2">
              Rules
            </Link>{" "}
            · rule #{rule.id} · {rule.active ? "active" : "inactive"}
          </>
        }
        timeZone={timeZone}
      />
      <div className="space-y-6">
        <RuleEditor ruleId={rule.id} initial={draft} staff={staff} />
        <Card aria-labelledby="rule-bookings">
          <CardHeader id="rule-bookings" title={`Upcoming bookings of this rule (${upcoming.total})`} />
          {upcoming.total === 0 ? (
            <div className="p-4">
              <EmptyState title="This rule has no upcoming bookings">
                {rule.active
                  ? "No live purchase matches it, or another rule with a lower priority takes them."
                  : "It is inactive: activate it on the rules list."}
              </EmptyState>
            </div>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Upcoming bookings of this rule">
              {upcoming.bookings.map((b) => (
                <li key={b.id} className="flex flex-wrap items-center gap-2 px-4 py-2 text-sm">
                  <Link
                    href={`/bookings/${b.id}`}
                    className="font-medium text-indigo-800 underline underline-offset-2"
                  >
                    {b.when}
                  </Link>
                  <span>{b.title}</span>
                  {b.clientName && !b.title.includes(b.clientName) ? (
                    <span className="text-slate-700">· {b.clientName}</span>
                  ) : null}
                  <StatusPill status={b.status} />
                </li>
              ))}
              {upcoming.total > upcoming.bookings.length ? (
                <li className="px-4 py-2 text-xs text-slate-700">
                  <Pill>+{upcoming.total - upcoming.bookings.length} more</Pill>
                </li>
              ) : null}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
