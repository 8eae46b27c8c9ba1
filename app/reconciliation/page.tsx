// Reconciliation: where payments and the schedule disagree, one tab per category (50 rows a
// page), each row linking to the screen where it is fixed, each category exported as CSV.
import type { Metadata } from "next";
import { ReportTable } from "@/app/reconciliation/report-table";
import { buttonClass } from "@/components/ui/button";
import { Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { LinkTabs } from "@/components/ui/tabs";
import { requirePage } from "@/lib/auth/page";
import { prisma } from "@/lib/db/prisma";
import { sqlite } from "@/lib/db/sqlite";
import { cachedReconciliationReport } from "@/lib/reconciliation/cache";
import { config } from "@/lib/config";
import {
  categories,
  categorySlugs,
  categoryTitles,
  DEFAULT_LOOKBACK_DAYS,
  type Category,
} from "@/lib/reconciliation/types";
import { loadActiveRules } from "@/lib/rules/repo";
import { screenContext } from "@/lib/schedule/context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reconciliation" };

const PAGE_SIZE = 50;
const bySlug = new Map(categories.map((c) => [categorySlugs[c], c] as const));

const href = (category: Category, page = 1) =>
  `/reconciliation?category=${categorySlugs[category]}${page > 1 ? `&page=${page}` : ""}`;

export default async function ReconciliationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("owner");
  const params = await searchParams;
  const slug = typeof params.category === "string" ? params.category : undefined;
  const category: Category = (slug && bySlug.get(slug)) || "paidUnscheduled";
  const pageParam = Number(typeof params.page === "string" ? params.page : 1);
  const { zone } = screenContext();
  const report = await cachedReconciliationReport(prisma(), config().databaseFile, {
    now: new Date(),
    rules: loadActiveRules(sqlite()),
  });
  const rows = report[category];
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? Math.min(pageParam, pages) : 1;
  return (
    <>
      <PageHeader
        title="Reconciliation"
        description={`Where Stripe and the schedule disagree (payments of the last ${DEFAULT_LOOKBACK_DAYS} days)`}
        timeZone={zone}
        actions={
          <a
            href={`/api/owner/reconciliation/${categorySlugs[category]}`}
            download
            className={buttonClass("secondary")}
          >
            Export CSV
          </a>
        }
      />
      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {categories.map((c) => (
          <Stat key={c} label={categoryTitles[c]} value={report[c].length} href={href(c)} />
        ))}
      </div>
      <LinkTabs
        label="Reconciliation categories"
        tabs={categories.map((c) => ({
          href: href(c),
          label: `${categoryTitles[c]} (${report[c].length})`,
          current: c === category,
        }))}
      />
      <h2 className="sr-only">{categoryTitles[category]}</h2>
      <ReportTable
        category={category}
        title={categoryTitles[category]}
        rows={rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
        zone={zone}
      />
      {rows.length > PAGE_SIZE ? (
        <Pagination
          label={`${rows.length} rows · page ${page} of ${pages}`}
          prev={page > 1 ? href(category, page - 1) : null}
          next={page < pages ? href(category, page + 1) : null}
        />
      ) : null}
    </>
  );
}
