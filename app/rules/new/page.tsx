// /rules/new[?from=<kind>:<source>:<line>] — a new rule; prefilled from an unmapped line item when `from` names one.
import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page";
import { sqlite } from "@/lib/db/sqlite";
import { draftFromUnmapped, unmappedLineRef } from "@/lib/rules/editor";
import { emptyDraft } from "@/lib/rules/editor-form";
import { listUnmappedLines } from "@/lib/rules/match";
import { prisma } from "@/lib/db/prisma";
import { loadSettings } from "@/lib/settings";
import { listActiveStaff } from "@/lib/staff";
import { PageHeader } from "@/components/ui/page-header";
import { RuleEditor } from "@/app/rules/rule-editor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New rule" };

export default async function NewRulePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("owner");
  const db = sqlite();
  const from = (await searchParams).from;
  const line =
    typeof from === "string" ? listUnmappedLines(db).find((l) => unmappedLineRef(l) === from) : undefined;
  const staff = await listActiveStaff(prisma());
  return (
    <>
      <PageHeader
        title="New rule"
        description={
          line
            ? `Prefilled for ${line.productName ?? line.productStripeId ?? "the line item"} (${line.clientName ?? line.clientStripeId})`
            : "Which purchases it matches, and the bookings each one makes"
        }
        timeZone={loadSettings(db).timeZone}
      />
      <RuleEditor initial={line ? draftFromUnmapped(line) : emptyDraft()} staff={staff} />
    </>
  );
}
