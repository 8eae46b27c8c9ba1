// A booking made by hand: for any client (or none), any service, any walker.
import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page";
import { prisma } from "@/lib/db/prisma";
import { listClients } from "@/lib/clients";
import { businessPhoneCountry } from "@/lib/client-search";
import { formatPhone, phoneDigitForms } from "@/lib/phone";
import { listActiveStaff } from "@/lib/staff";
import { screenContext } from "@/lib/schedule/context";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ManualBookingForm } from "@/app/bookings/new/manual-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New booking" };

export default async function NewBookingPage({
  searchParams,
}: {
  searchParams: Promise<{ client?: string }>;
}) {
  await requirePage("staff");
  const { zone, today } = screenContext();
  const db = prisma();
  const [clients, staff, services, country] = await Promise.all([
    listClients(db, { limit: 1000 }),
    listActiveStaff(db),
    db.rule.findMany({
      where: { active: true },
      select: { serviceCode: true, name: true },
      orderBy: { name: "asc" },
    }),
    businessPhoneCountry(db),
  ]);
  return (
    <>
      <PageHeader
        title="New booking"
        description="A visit made by hand; Stripe changes never touch it"
        timeZone={zone}
      />
      <Card className="max-w-xl p-5">
        <ManualBookingForm
          today={today}
          clients={clients.map((c) => ({
            value: c.stripeId,
            label: c.name ?? c.email ?? c.stripeId,
            hint:
              [c.email, c.phoneE164 ? formatPhone(c.phoneE164, country) : null].filter(Boolean).join(" · ") ||
              undefined,
            phoneDigits: c.phoneE164 ? phoneDigitForms(c.phoneE164) : undefined,
          }))}
          staff={staff}
          services={[...new Set(services.map((s) => s.serviceCode))]}
          initialClient={(await searchParams).client ?? null}
        />
      </Card>
    </>
  );
}
