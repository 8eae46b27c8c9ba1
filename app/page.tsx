// The home screen: today's work at a glance.
import { config } from "@/lib/config";

export const dynamic = "force-dynamic";

export default function HomePage() {
  const { demoMode } = config();
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Today</h1>
      {demoMode ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          Demo data: no Stripe key is set, so this is a sample business.
        </p>
      ) : null}
    </section>
  );
}
