// /device[?code=WDJB-MJHT] — where a person approves a phone's sign-in (RFC 8628's
// verification URI): enter (or follow a link with) the code the phone shows, see the phone's
// name, Approve or Deny. Any signed-in account; the phone acts for that account. No
// loading.tsx here (one indexed read): without a streaming boundary a visitor who is not signed
// in gets a real redirect, and /device/pair below stays public (so no layout checks access).
import type { Metadata } from "next";
import { findPendingDevice } from "@/lib/auth/devices";
import { requirePage } from "@/lib/auth/page";
import { prisma } from "@/lib/db/prisma";
import { HttpError } from "@/lib/http/problem";
import { screenContext } from "@/lib/schedule/context";
import { formatStamp } from "@/lib/schedule/time";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { PageHeader } from "@/components/ui/page-header";
import { DeviceDecision } from "@/app/device/device-decision";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Approve a phone" };

export default async function DevicePage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const user = await requirePage("staff");
  const code = (await searchParams).code?.trim() ?? "";
  const { zone } = screenContext();
  let problem: string | undefined;
  let pending = null;
  if (code) {
    try {
      pending = await findPendingDevice(prisma(), { userCode: code, userId: user.userId, now: new Date() });
      if (!pending)
        problem =
          "No phone is waiting for this code. Check it, or start again on the phone (codes last 10 minutes).";
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      problem = error.detail;
    }
  }
  return (
    <>
      <PageHeader
        title="Approve a phone"
        description="Sign a phone in to the Stripe Bookings app as you, with the code it shows."
      />
      <div className="max-w-lg space-y-4">
        {pending ? (
          <Card aria-labelledby="phone-heading" className="space-y-3 p-4">
            <h2 id="phone-heading" className="text-lg font-medium break-words">
              {pending.deviceName}
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-600">Code</dt>
              <dd className="font-mono font-semibold tracking-widest">{pending.userCode}</dd>
              <dt className="text-slate-600">Asked</dt>
              <dd>{formatStamp(pending.createdAt, zone)}</dd>
              <dt className="text-slate-600">Signs in as</dt>
              <dd className="break-words">{user.email}</dd>
            </dl>
            <p className="text-sm text-slate-700">
              Approve only if this code is on the phone in your hand. The phone will see and change what you
              can{user.role === "owner" ? " (the whole business)" : " (your own visits)"}, until you revoke it
              under Devices.
            </p>
            <DeviceDecision userCode={pending.userCode} deviceName={pending.deviceName} />
          </Card>
        ) : (
          <Card aria-labelledby="code-heading" className="space-y-3 p-4">
            <h2 id="code-heading" className="font-medium">
              Enter the code the phone shows
            </h2>
            <FormError message={problem} />
            <form method="get" action="/device" className="flex flex-wrap items-end gap-2">
              <div className="min-w-0 flex-1 space-y-1">
                <label htmlFor="device-code" className="block text-sm font-medium text-slate-800">
                  Code
                </label>
                <Input
                  id="device-code"
                  name="code"
                  defaultValue={code}
                  placeholder="WDJB-MJHT"
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  required
                  maxLength={20}
                  className="font-mono uppercase"
                />
              </div>
              <Button type="submit" variant="primary">
                Continue
              </Button>
            </form>
          </Card>
        )}
      </div>
    </>
  );
}
