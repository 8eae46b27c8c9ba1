"use client";
// The manual booking form: validated with the same schema as POST /api/staff/bookings.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { StaffOption } from "@/components/schedule/assign-control";
import { Button } from "@/components/ui/button";
import { Combobox, type ComboOption } from "@/components/ui/combobox";
import { DateInput, Field, Input, Select, Textarea, TimeInput } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import { useZodForm } from "@/components/ui/use-form";
import { apiJson } from "@/lib/schedule/api-client";
import { manualFormSchema } from "@/lib/schedule/forms";

export function ManualBookingForm({
  today,
  clients,
  staff,
  services,
  initialClient,
}: {
  today: string;
  clients: ComboOption[];
  staff: StaffOption[];
  services: string[];
  initialClient: string | null;
}) {
  const router = useRouter();
  const toast = useToast();
  const form = useZodForm(manualFormSchema);
  const [v, setV] = useState({
    title: "",
    serviceCode: services[0] ?? "MANUAL",
    clientStripeId: initialClient ?? "",
    date: today,
    startTime: "09:00",
    durationMin: "60",
    staffId: "",
    notes: "",
  });
  const set = (patch: Partial<typeof v>) => setV((prev) => ({ ...prev, ...patch }));
  return (
    <form
      className="space-y-4"
      noValidate
      aria-label="New booking"
      onSubmit={async (e) => {
        e.preventDefault();
        const values = { ...v, staffId: v.staffId === "" ? null : Number(v.staffId) };
        let id = 0;
        const ok = await form.submit(values, async (body) => {
          id = (await apiJson<{ id: number }>("/api/staff/bookings", { body })).id;
        });
        if (ok) {
          toast({ title: `Booking “${v.title}” created for ${v.date} at ${v.startTime}` });
          router.push(`/bookings/${id}`);
        }
      }}
    >
      <FormError message={form.errors.form} />
      <Field label="Title" error={form.errors.title}>
        {(ids) => (
          <Input
            {...ids}
            value={v.title}
            onChange={(e) => set({ title: e.target.value })}
            placeholder="e.g. Extra walk — Rex"
          />
        )}
      </Field>
      <Field
        label="Client"
        hint="Optional: a booking can have no Stripe customer"
        error={form.errors.clientStripeId}
      >
        {(ids) => (
          <div className="flex gap-2">
            <div className="flex-1">
              <Combobox
                id={ids.id}
                options={clients}
                value={v.clientStripeId || null}
                onChange={(value) => set({ clientStripeId: value })}
                placeholder="No client"
              />
            </div>
            {v.clientStripeId ? (
              <Button variant="ghost" onClick={() => set({ clientStripeId: "" })}>
                Clear
              </Button>
            ) : null}
          </div>
        )}
      </Field>
      <Field label="Service" error={form.errors.serviceCode}>
        {(ids) => (
          <Input
            {...ids}
            list="service-codes"
            value={v.serviceCode}
            onChange={(e) => set({ serviceCode: e.target.value })}
          />
        )}
      </Field>
      <datalist id="service-codes">
        {services.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Date" error={form.errors.date}>
          {(ids) => <DateInput {...ids} value={v.date} onChange={(e) => set({ date: e.target.value })} />}
        </Field>
        <Field label="Start time" error={form.errors.startTime}>
          {(ids) => (
            <TimeInput {...ids} value={v.startTime} onChange={(e) => set({ startTime: e.target.value })} />
          )}
        </Field>
        <Field label="Minutes" error={form.errors.durationMin}>
          {(ids) => (
            <Input
              {...ids}
              inputMode="numeric"
              value={v.durationMin}
              onChange={(e) => set({ durationMin: e.target.value })}
            />
          )}
        </Field>
      </div>
      <Field label="Walker" error={form.errors.staffId}>
        {(ids) => (
          <Select {...ids} value={v.staffId} onChange={(e) => set({ staffId: e.target.value })}>
            <option value="">Unassigned</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Notes" error={form.errors.notes}>
        {(ids) => <Textarea {...ids} value={v.notes} onChange={(e) => set({ notes: e.target.value })} />}
      </Field>
      <Button type="submit" variant="primary" disabled={form.pending}>
        Create booking
      </Button>
    </form>
  );
}
