// Bookings: tabs (upcoming, past, cancelled, all), filters and search, 50 rows a page, so the
// page stays small however many bookings exist. Rows select for bulk assignment.
import type { Metadata } from "next";
import Link from "next/link";
import { ExportForm } from "@/app/bookings/export-form";
import { BookingsTable } from "@/app/bookings/bookings-table";
import { requirePage } from "@/lib/auth/page";
import { walkerScope } from "@/lib/auth/policy";
import { prisma } from "@/lib/db/prisma";
import { listActiveStaff } from "@/lib/staff";
import { screenContext } from "@/lib/schedule/context";
import { listBookingPage, listQuerySchema, type ListQuery } from "@/lib/schedule/bookings-list";
import { BOOKING_STATUSES } from "@/lib/schedule/board";
import { serviceCodes } from "@/lib/schedule/services";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { STATUS_LABEL } from "@/components/ui/pill";
import { LinkTabs } from "@/components/ui/tabs";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Bookings" };

function href(
  query: ListQuery,
  patch: Partial<Record<keyof ListQuery, string | number | undefined>>,
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, page: undefined, ...patch })) {
    if (v !== undefined && v !== "" && !(k === "page" && v === 1) && !(k === "tab" && v === "upcoming"))
      params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `/bookings?${s}` : "/bookings";
}

export default async function BookingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePage("staff");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter(([, v]) => typeof v === "string" && v !== "") as [
      string,
      string,
    ][],
  );
  // Older links: ?cancelled=show meant "include cancelled".
  if (raw.cancelled === "show" && !raw.tab) raw.tab = "all";
  const parsed = listQuerySchema.safeParse(raw);
  const asked = parsed.success ? parsed.data : listQuerySchema.parse({});
  // A walker lists only their own visits (lib/auth/policy.ts), as on every route.
  const own = walkerScope(user);
  const query = own === null ? asked : { ...asked, staff: own };
  const { zone } = screenContext();
  const db = prisma();
  const [page, staff, services] = await Promise.all([
    listBookingPage(db, query, new Date()),
    listActiveStaff(db),
    serviceCodes(db),
  ]);
  const tabs = (["upcoming", "past", "cancelled", "all"] as const).map((tab) => ({
    href: href({ ...query, tab }, {}),
    label: tab[0]!.toUpperCase() + tab.slice(1),
    current: query.tab === tab,
  }));
  const filtered = Boolean(query.q || query.staff || query.status || query.service);
  return (
    <>
      <PageHeader
        title="Bookings"
        description="Derived from Stripe by the rules; edits by staff are kept"
        timeZone={zone}
        actions={
          <Link href="/bookings/new" className={buttonClass("primary")}>
            New booking
          </Link>
        }
      />
      <LinkTabs label="Bookings tabs" tabs={tabs} />
      <form
        method="get"
        action="/bookings"
        role="search"
        aria-label="Filter bookings"
        className="mb-4 flex flex-wrap items-end gap-2"
      >
        <input type="hidden" name="tab" value={query.tab} />
        <Input
          name="q"
          type="search"
          defaultValue={query.q ?? ""}
          placeholder="Client name, email, phone or service"
          aria-label="Search bookings"
          className="w-full sm:w-72"
        />
        <Select
          name="staff"
          defaultValue={query.staff === undefined ? "" : String(query.staff)}
          aria-label="Walker"
          className="w-auto"
        >
          <option value="">All walkers</option>
          <option value="none">Unassigned</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
        <Select name="status" defaultValue={query.status ?? ""} aria-label="Status" className="w-auto">
          <option value="">All statuses</option>
          {BOOKING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </Select>
        <Select name="service" defaultValue={query.service ?? ""} aria-label="Service" className="w-auto">
          <option value="">All services</option>
          {services.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
        {filtered ? (
          <Link
            href={href(
              { ...query, q: undefined, staff: undefined, status: undefined, service: undefined },
              {},
            )}
            className={buttonClass("ghost")}
          >
            Clear
          </Link>
        ) : null}
      </form>
      {page.rows.length === 0 && page.total > 0 ? (
        // A page past the end (an old link, or bookings gone since): say so, not "nothing yet".
        <EmptyState
          title="No bookings on this page"
          action={
            <Link href={href(query, { page: page.pages })} className={buttonClass("secondary")}>
              Go to the last page ({page.pages})
            </Link>
          }
        >
          There are {page.total} booking{page.total === 1 ? "" : "s"} here, on {page.pages} page
          {page.pages === 1 ? "" : "s"}.
        </EmptyState>
      ) : (
        <BookingsTable rows={page.rows} staff={staff} zone={zone} filtered={filtered} tab={query.tab} />
      )}
      <Pagination
        label={`${page.total} booking${page.total === 1 ? "" : "s"} · page ${page.page} of ${page.pages}`}
        prev={page.page > 1 ? href(query, { page: Math.min(page.page - 1, page.pages) }) : null}
        next={page.page < page.pages ? href(query, { page: page.page + 1 }) : null}
      />
      <div className="mt-8">
        <ExportForm timeZone={zone} staff={staff} />
      </div>
    </>
  );
}
