// Clients: search by name, email or phone; 50 a page.
import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/page";
import { walkerScope } from "@/lib/auth/policy";
import { prisma } from "@/lib/db/prisma";
import { clientQuerySchema, searchClients } from "@/lib/schedule/clients";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Clients" };

export default async function ClientsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePage("staff");
  const parsed = clientQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : clientQuerySchema.parse({});
  // A walker sees only the clients of their own visits (lib/auth/policy.ts).
  const result = await searchClients(prisma(), query, walkerScope(user));
  const pageHref = (page: number) =>
    `/clients?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(page) })}`;
  return (
    <>
      <PageHeader title="Clients" description="Customers mirrored from Stripe" />
      <form
        method="get"
        action="/clients"
        role="search"
        aria-label="Search clients"
        className="mb-4 flex gap-2"
      >
        <Input
          name="q"
          type="search"
          defaultValue={query.q ?? ""}
          placeholder="Name, email or phone"
          aria-label="Search clients"
          className="sm:w-80"
        />
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
      </form>
      {result.rows.length === 0 ? (
        <EmptyState title={query.q ? `No client matches “${query.q}”` : "No clients yet"}>
          {query.q
            ? "Try part of a name, an email or a phone number."
            : "Clients appear after the first Stripe sync or webhook."}
        </EmptyState>
      ) : (
        <ul
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
          aria-label="Clients"
        >
          {result.rows.map((c) => (
            <li
              key={c.stripeId}
              className="flex flex-col gap-0.5 px-4 py-2.5 sm:flex-row sm:items-center sm:gap-4"
            >
              <Link
                href={`/clients/${c.stripeId}`}
                className="font-medium text-indigo-800 underline underline-offset-2 hover:text-indigo-950 sm:w-64"
              >
                {c.name ?? c.email ?? c.stripeId}
              </Link>
              <span className="text-sm text-slate-700 sm:flex-1">{c.email ?? "—"}</span>
              <span className="text-sm text-slate-700 tabular-nums">{c.phone ?? ""}</span>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        label={`${result.total} client${result.total === 1 ? "" : "s"} · page ${result.page} of ${result.pages}`}
        prev={result.page > 1 ? pageHref(result.page - 1) : null}
        next={result.page < result.pages ? pageHref(result.page + 1) : null}
      />
    </>
  );
}
