// One client: contact, subscriptions (status, plan, next invoice, default walker), invoices
// with amounts and Stripe dashboard links, upcoming and past visits, and their calendar feed.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/page";
import { walkerScope } from "@/lib/auth/policy";
import { prisma } from "@/lib/db/prisma";
import { listActiveStaff } from "@/lib/staff";
import { clientDetail, formatMoney, stripeDashboardUrl } from "@/lib/schedule/clients";
import { clientFile } from "@/lib/clients/file";
import { screenContext } from "@/lib/schedule/context";
import { formatDate, formatWhen } from "@/lib/schedule/time";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pill, StatusPill, type PillTone } from "@/components/ui/pill";
import { DefaultWalker } from "@/components/schedule/default-walker";
import { FeedLink } from "@/components/schedule/feed-link";
import { ClientFileCard } from "@/components/client-file/client-file-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Client" };

const INVOICE_TONE: Record<string, PillTone> = {
  paid: "green",
  open: "amber",
  void: "grey",
  uncollectible: "rose",
  draft: "neutral",
};
const SUB_TONE: Record<string, PillTone> = {
  active: "green",
  trialing: "blue",
  past_due: "amber",
  unpaid: "rose",
  canceled: "grey",
  paused: "neutral",
};

function Visits({
  title,
  rows,
  zone,
  empty,
}: {
  title: string;
  rows: {
    id: number;
    startAt: Date;
    endAt: Date;
    title: string;
    status: string;
    staff: { name: string } | null;
  }[];
  zone: string;
  empty: string;
}) {
  const id = `${title.toLowerCase().replace(/\W+/g, "-")}-heading`;
  return (
    <Card aria-labelledby={id}>
      <CardHeader id={id} title={title} />
      {rows.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-700">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {rows.map((b) => (
            <li
              key={b.id}
              className="grid grid-cols-[1fr_auto] items-center gap-x-3 gap-y-0.5 px-4 py-2 text-sm sm:flex sm:flex-wrap"
            >
              <Link
                href={`/bookings/${b.id}`}
                className="text-indigo-800 tabular-nums underline underline-offset-2 hover:text-indigo-950"
              >
                {formatWhen(b.startAt, b.endAt, zone)}
              </Link>
              <span className="justify-self-end sm:order-last">
                <StatusPill status={b.status} />
              </span>
              <span className="text-slate-800 sm:flex-1">{b.title}</span>
              <span className="text-slate-700">{b.staff?.name ?? "Unassigned"}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export default async function ClientPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("staff");
  const owner = user.role === "owner";
  const { id } = await params;
  const now = new Date();
  // A walker sees only a client of their own visits, and only those visits (lib/auth/policy.ts).
  const detail = await clientDetail(prisma(), decodeURIComponent(id), now, walkerScope(user));
  if (!detail) notFound();
  const [staff, file] = await Promise.all([
    listActiveStaff(prisma()),
    clientFile(prisma(), detail.client.stripeId, user, now),
  ]);
  const { zone } = screenContext(now);
  const { client } = detail;
  const live = client.livemode;
  return (
    <>
      <Link
        href="/clients"
        className="text-sm text-indigo-800 underline underline-offset-2 hover:text-indigo-950"
      >
        ← Clients
      </Link>
      <PageHeader
        title={client.name ?? client.email ?? client.stripeId}
        description={client.deleted ? "Deleted in Stripe" : undefined}
        timeZone={zone}
        actions={
          <Link
            href={`/bookings/new?client=${encodeURIComponent(client.stripeId)}`}
            className={buttonClass("primary")}
          >
            Extra visit
          </Link>
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {file ? (
            <ClientFileCard file={file} editable={owner} />
          ) : (
            <Card aria-labelledby="file-heading" className="space-y-1 p-4">
              <h2 id="file-heading" className="font-medium">
                Client&apos;s file
              </h2>
              <p className="text-sm text-slate-700">
                The address, pets and access notes are shown to you from the day before a visit of yours with
                this client until two weeks ahead.
              </p>
            </Card>
          )}
          <Card aria-labelledby="subs-heading">
            <CardHeader id="subs-heading" title="Subscriptions" />
            {detail.subscriptions.length === 0 ? (
              <p className="px-4 py-3 text-sm text-slate-700">No subscriptions.</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {detail.subscriptions.map((s) => (
                  <li key={s.stripeId} className="space-y-2 px-4 py-3 text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{s.plan || "—"}</span>
                      <Pill tone={SUB_TONE[s.status] ?? "neutral"}>{s.status}</Pill>
                      <a
                        className="text-indigo-800 underline underline-offset-2 hover:text-indigo-950"
                        href={stripeDashboardUrl("subscriptions", s.stripeId, live)}
                        target="_blank"
                        rel="noreferrer"
                      >
                        {s.stripeId} <span className="sr-only">(opens the Stripe dashboard)</span>
                      </a>
                    </div>
                    <div className="text-slate-700">
                      Next invoice: {s.nextInvoiceAt ? formatDate(s.nextInvoiceAt, zone) : "none"}
                      {s.cancelAtPeriodEnd ? " · ends at period end" : ""}
                    </div>
                    {owner ? (
                      <DefaultWalker
                        scope="subscription"
                        target={s.stripeId}
                        current={s.defaultStaffId}
                        staff={staff}
                        label={`Default walker for ${s.stripeId}`}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Visits title="Upcoming visits" rows={detail.upcoming} zone={zone} empty="No upcoming visits." />
          <Visits title="Past visits" rows={detail.past} zone={zone} empty="No past visits." />
          <Card aria-labelledby="invoices-heading">
            <CardHeader id="invoices-heading" title="Invoices" />
            {detail.invoices.length === 0 ? (
              <p className="px-4 py-3 text-sm text-slate-700">No invoices.</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {detail.invoices.map((inv) => (
                  <li
                    key={inv.stripeId}
                    className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm"
                  >
                    <a
                      className="text-indigo-800 underline underline-offset-2 hover:text-indigo-950"
                      href={stripeDashboardUrl("invoices", inv.stripeId, live)}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {inv.number ?? inv.stripeId}{" "}
                      <span className="sr-only">(opens the Stripe dashboard)</span>
                    </a>
                    <span className="text-slate-700">{formatDate(inv.stripeCreated, zone)}</span>
                    <span className="flex-1 text-right tabular-nums">
                      {formatMoney(inv.total, inv.currency)}
                    </span>
                    {inv.amountRemaining > 0 && inv.status === "open" ? (
                      <span className="text-slate-700 tabular-nums">
                        {formatMoney(inv.amountRemaining, inv.currency)} due
                      </span>
                    ) : null}
                    <Pill tone={INVOICE_TONE[inv.status] ?? "neutral"}>{inv.status}</Pill>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card aria-labelledby="contact-heading">
            <CardHeader id="contact-heading" title="Contact" />
            <dl className="space-y-2 px-4 py-3 text-sm">
              <div>
                <dt className="text-slate-600">Email</dt>
                <dd>
                  {client.email ? (
                    <a
                      className="text-indigo-800 underline underline-offset-2 hover:text-indigo-950"
                      href={`mailto:${client.email}`}
                    >
                      {client.email}
                    </a>
                  ) : (
                    "—"
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Phone</dt>
                <dd>
                  {client.phone ? (
                    <a
                      className="text-indigo-800 underline underline-offset-2 hover:text-indigo-950"
                      href={`tel:${client.phone}`}
                    >
                      {client.phone}
                    </a>
                  ) : (
                    "—"
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Stripe</dt>
                <dd>
                  <a
                    className="text-indigo-800 underline underline-offset-2 hover:text-indigo-950"
                    href={stripeDashboardUrl("customers", client.stripeId, live)}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {client.stripeId} <span className="sr-only">(opens the Stripe dashboard)</span>
                  </a>
                </dd>
              </div>
            </dl>
          </Card>
          {/* Default walkers and client feeds are the owner's (lib/auth/policy.ts). */}
          {owner ? (
            <>
              <Card aria-labelledby="default-heading" className="space-y-2 p-4">
                <h2 id="default-heading" className="font-medium">
                  Default walker
                </h2>
                <p className="text-sm text-slate-700">
                  New visits of this client get this walker, unless assigned by hand.
                </p>
                <DefaultWalker
                  scope="client"
                  target={client.stripeId}
                  current={detail.clientDefault}
                  staff={staff}
                  label="Default walker for this client"
                />
              </Card>
              <Card aria-labelledby="feed-heading" className="space-y-2 p-4">
                <h2 id="feed-heading" className="font-medium">
                  Calendar feed
                </h2>
                <FeedLink
                  scope={{ scope: "client", clientStripeId: client.stripeId }}
                  existing={detail.feeds}
                  mayShowAgain
                />
              </Card>
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}
