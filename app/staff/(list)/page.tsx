// Staff: every walker with their colour, upcoming visits and (owner) who signs in as them; the
// owner adds walkers and accounts (an account gets a one-time set-password link).
import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/page";
import { prisma } from "@/lib/db/prisma";
import { listStaffMembers } from "@/lib/schedule/staff-admin";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pill } from "@/components/ui/pill";
import { StaffForm } from "@/components/schedule/staff-form";
import { AddAccount } from "@/components/accounts/add-account";
import { walkerLogins } from "@/lib/auth/account-access";
import { screenContext } from "@/lib/schedule/context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  const user = await requirePage("staff");
  const staff = await listStaffMembers(prisma(), new Date());
  const owner = user.role === "owner";
  const logins = owner ? await walkerLogins(prisma()) : new Map<number, string[]>();
  const { zone } = screenContext();
  return (
    <>
      <PageHeader
        title="Staff"
        description="Walkers, their colours and their upcoming visits"
        actions={
          owner ? (
            <AddAccount
              walkers={staff.filter((s) => s.active).map((s) => ({ id: s.id, name: s.name }))}
              zone={zone}
            />
          ) : undefined
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {staff.length === 0 ? (
            <EmptyState title="No staff yet">
              {owner ? "Add your first walker with the form." : "Ask the owner to add walkers."}
            </EmptyState>
          ) : (
            <ul
              className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
              aria-label="Staff"
            >
              {staff.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5">
                  <span
                    aria-hidden
                    className="h-3 w-3 shrink-0 rounded-full"
                    style={{ background: s.color }}
                  />
                  {/* A walker opens only their own page (lib/auth/policy.ts). */}
                  {owner || s.id === user.staffId ? (
                    <Link
                      href={`/staff/${s.id}`}
                      className="font-medium text-indigo-800 underline underline-offset-2 hover:text-indigo-950"
                    >
                      {s.name}
                    </Link>
                  ) : (
                    <span className="font-medium">{s.name}</span>
                  )}
                  {!s.active ? <Pill tone="grey">inactive</Pill> : null}
                  <span className="hidden flex-1 text-sm text-slate-700 sm:block">{s.email ?? ""}</span>
                  {owner ? (
                    <span className="ml-auto text-right text-sm text-slate-700 sm:ml-0">
                      {logins.get(s.id)?.length ? (
                        <span className="break-words">{logins.get(s.id)!.join(", ")}</span>
                      ) : (
                        <Pill tone="amber">no login</Pill>
                      )}
                    </span>
                  ) : null}
                  <span className={`${owner ? "" : "ml-auto "}shrink-0 text-sm text-slate-700`}>
                    {s.upcoming} upcoming
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        {owner ? (
          <Card className="p-4" aria-labelledby="add-staff-heading">
            <h2 id="add-staff-heading" className="mb-3 font-medium">
              Add a walker
            </h2>
            <StaffForm />
          </Card>
        ) : null}
      </div>
    </>
  );
}
