"use client";
// The General settings form. Saving first asks the server what would change: when the time
// zone, horizon or payment-failed policy changes, the bookings it would create / change /
// cancel are shown and the owner confirms; other changes save at once.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import { useZodForm } from "@/components/ui/use-form";
import type { ChangeSummary } from "@/lib/rules/change-summary";
import { apiJson, ApiError } from "@/lib/schedule/api-client";
import { generalSettingsSchema } from "@/lib/settings-form";
import { ChangePreview } from "@/app/rules/change-preview";

type Values = {
  businessName: string;
  timeZone: string;
  horizonWeeks: string;
  feedPastDays: string;
  feedFutureDays: string;
  paymentFailedPolicy: "keep" | "hold";
  startGraceMin: string;
  /** "": from the time zone. */
  phoneCountry: string;
};
/** The countries phone numbers can be read for, and the country of each time zone that has one. */
export type PhoneCountries = { options: { code: string; name: string }[]; ofZone: Record<string, string> };
type Preview = { rederiving: string[]; preview: ChangeSummary | null };
type Saved = { summary: { inserted: number; updated: number; cancelled: number } | null };

const NAMES: Record<string, string> = {
  timeZone: "time zone",
  horizonWeeks: "booking horizon",
  paymentFailedPolicy: "payment-failed policy",
};

export function GeneralForm({
  initial,
  zones,
  countries,
}: {
  initial: Values;
  zones: string[];
  countries: PhoneCountries;
}) {
  const router = useRouter();
  const toast = useToast();
  const form = useZodForm(generalSettingsSchema);
  const [v, setV] = useState<Values>(initial);
  const [pending, setPending] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (key: keyof Values) => ({
    value: v[key],
    onChange: (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value } as Values),
  });

  const zoneCountry = countries.ofZone[v.timeZone];
  const zoneCountryName = countries.options.find((c) => c.code === zoneCountry)?.name;

  async function save(expect: string | null) {
    const body = { settings: generalSettingsSchema.parse(v), expect };
    try {
      const saved = await apiJson<Saved>("/api/owner/settings", { method: "PUT", body });
      setPending(null);
      const s = saved.summary;
      toast({
        title: "Settings saved",
        description: s
          ? `Bookings re-derived: ${s.inserted} created, ${s.updated} changed, ${s.cancelled} cancelled`
          : undefined,
      });
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        // The schedule moved on: show the fresh preview (the server sent it with the 409).
        const fresh = await apiJson<Preview>("/api/owner/settings/preview", {
          body: { settings: body.settings },
        });
        setPending(fresh);
      }
      throw error;
    }
  }

  return (
    <Card className="max-w-2xl p-4">
      <form
        aria-label="General settings"
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit(v, async () => {
            const settings = generalSettingsSchema.parse(v);
            const preview = await apiJson<Preview>("/api/owner/settings/preview", { body: { settings } });
            if (preview.preview) setPending(preview);
            else await save(null);
          });
        }}
      >
        <FormError message={form.errors.form} />
        <Field label="Business name" hint="Names the calendars" error={form.errors.businessName}>
          {(ids) => <Input {...ids} {...field("businessName")} />}
        </Field>
        <Field
          label="Time zone"
          hint="Every time on the screens and in the rules is in this zone"
          error={form.errors.timeZone}
        >
          {(ids) => (
            <Select {...ids} {...field("timeZone")}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          label="Booking horizon (weeks)"
          hint="How far ahead subscriptions are booked"
          error={form.errors.horizonWeeks}
        >
          {(ids) => (
            <Input {...ids} type="number" inputMode="numeric" min={1} max={104} {...field("horizonWeeks")} />
          )}
        </Field>
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-1 text-sm font-semibold">Feed window</legend>
          <Field label="Days in the past" error={form.errors.feedPastDays}>
            {(ids) => <Input {...ids} type="number" inputMode="numeric" min={0} {...field("feedPastDays")} />}
          </Field>
          <Field label="Days ahead" error={form.errors.feedFutureDays}>
            {(ids) => (
              <Input {...ids} type="number" inputMode="numeric" min={1} {...field("feedFutureDays")} />
            )}
          </Field>
        </fieldset>
        <Field
          label="When a payment fails"
          hint="What happens to the bookings of an invoice whose payment failed"
          error={form.errors.paymentFailedPolicy}
        >
          {(ids) => (
            <Select {...ids} {...field("paymentFailedPolicy")}>
              <option value="keep">Keep the bookings</option>
              <option value="hold">Put them on hold until it is paid</option>
            </Select>
          )}
        </Field>
        <Field
          label="Start early by up to (minutes)"
          hint="Visits can be started from this many minutes before they begin (also completed or marked no-show); 0 to 1440"
          error={form.errors.startGraceMin}
        >
          {(ids) => (
            <Input
              {...ids}
              type="number"
              inputMode="numeric"
              min={0}
              max={1440}
              className="sm:w-40"
              {...field("startGraceMin")}
            />
          )}
        </Field>
        <Field
          label="Country of phone numbers"
          hint="A number typed without a country code (07700 900457) is read as one of this country, for search"
          error={form.errors.phoneCountry}
        >
          {(ids) => (
            <Select {...ids} {...field("phoneCountry")}>
              <option value="">
                {zoneCountryName
                  ? `From the time zone (${zoneCountryName})`
                  : "From the time zone (none: numbers need their country code)"}
              </option>
              {countries.options.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" variant="primary" disabled={form.pending}>
          Save settings
        </Button>
      </form>
      <Dialog
        open={pending !== null}
        onOpenChange={(open) => (open ? null : setPending(null))}
        title="Saving re-derives bookings"
        description={
          pending
            ? `Changing the ${pending.rederiving.map((k) => NAMES[k] ?? k).join(" and ")} changes the schedule:`
            : undefined
        }
      >
        {pending?.preview ? <ChangePreview preview={pending.preview} compact /> : null}
        <div className="mt-4 flex justify-end gap-2">
          <DialogClose asChild>
            <Button>Cancel</Button>
          </DialogClose>
          <Button
            variant="primary"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void save(pending?.preview?.fingerprint ?? null)
                .catch((error: unknown) =>
                  toast({
                    title: "Not saved",
                    description: error instanceof Error ? error.message : String(error),
                    tone: "error",
                  }),
                )
                .finally(() => setBusy(false));
            }}
          >
            Save and re-derive
          </Button>
        </div>
      </Dialog>
    </Card>
  );
}
