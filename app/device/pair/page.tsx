// /device/pair?code=… — what a pairing QR code holds. The app reads the code from this URL
// itself; a phone's camera app that opens it in a browser lands here and is told what to do.
import type { Metadata } from "next";
import { publicPage } from "@/lib/auth/page";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Pair a phone" };

export default async function PairPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  await publicPage();
  const code = ((await searchParams).code ?? "").slice(0, 20);
  return (
    <>
      <PageHeader title="Pair a phone" description="This code signs the Stripe Bookings app in." />
      <Card className="max-w-lg space-y-2 p-4 text-sm" aria-label="How to pair">
        <p>
          Open the Stripe Bookings app on this phone and scan the code again from its sign-in screen, or
          choose &ldquo;Enter a pairing code&rdquo; and type:
        </p>
        {code ? <p className="font-mono text-2xl font-semibold tracking-widest">{code}</p> : null}
        <p className="text-slate-700">The code works once, for 10 minutes after it was shown.</p>
      </Card>
    </>
  );
}
