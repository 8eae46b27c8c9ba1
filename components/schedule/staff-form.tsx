"use client";
// Create or edit a staff member: name, email, colour; deactivate / reactivate.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import { useZodForm } from "@/components/ui/use-form";
import { apiJson } from "@/lib/schedule/api-client";
import { staffFormSchema } from "@/lib/schedule/forms";

const SWATCHES = ["#2563eb", "#16a34a", "#d97706", "#db2777", "#7c3aed", "#0891b2", "#dc2626", "#475569"];

export function StaffForm({
  staff,
}: {
  staff?: { id: number; name: string; email: string | null; color: string; active: boolean };
}) {
  const router = useRouter();
  const toast = useToast();
  const form = useZodForm(staffFormSchema);
  const [v, setV] = useState({
    name: staff?.name ?? "",
    email: staff?.email ?? "",
    color: staff?.color ?? SWATCHES[0]!,
  });
  const save = async (active?: boolean) => {
    const values = { ...v, ...(active === undefined ? {} : { active }) };
    const ok = await form.submit(values, async (body) => {
      if (staff) await apiJson(`/api/staff/staff/${staff.id}`, { method: "PATCH", body });
      else await apiJson("/api/staff/staff", { body });
    });
    if (!ok) return;
    toast({
      title:
        active === false
          ? `${v.name} deactivated`
          : active === true
            ? `${v.name} reactivated`
            : staff
              ? `${v.name} saved`
              : `${v.name} added to staff`,
      // Deactivating is undoable for the toast's life.
      action: active === false ? { label: "Undo", onClick: () => void save(true) } : undefined,
    });
    if (!staff) setV({ name: "", email: "", color: SWATCHES[0]! });
    router.refresh();
  };
  return (
    <form
      className="space-y-3"
      noValidate
      aria-label={staff ? "Edit staff member" : "Add staff member"}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <FormError message={form.errors.form} />
      <Field label="Name" error={form.errors.name}>
        {(ids) => <Input {...ids} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />}
      </Field>
      <Field label="Email" hint="Optional" error={form.errors.email}>
        {(ids) => (
          <Input
            {...ids}
            type="email"
            value={v.email}
            onChange={(e) => setV({ ...v, email: e.target.value })}
          />
        )}
      </Field>
      <Field label="Colour" error={form.errors.color}>
        {(ids) => (
          <div className="flex flex-wrap items-center gap-2">
            <input
              {...ids}
              type="color"
              value={v.color}
              onChange={(e) => setV({ ...v, color: e.target.value })}
              className="h-9 w-12 rounded border border-slate-300"
            />
            {SWATCHES.map((c) => (
              <button
                key={c}
                type="button"
                aria-label={`Colour ${c}`}
                aria-pressed={v.color === c}
                onClick={() => setV({ ...v, color: c })}
                className="h-6 w-6 rounded-full border-2 border-white ring-1 ring-slate-300 aria-pressed:ring-2 aria-pressed:ring-slate-900"
                style={{ background: c }}
              />
            ))}
          </div>
        )}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={form.pending}>
          {staff ? "Save" : "Add staff member"}
        </Button>
        {staff ? (
          <Button
            variant={staff.active ? "danger" : "secondary"}
            disabled={form.pending}
            onClick={() => void save(!staff.active)}
          >
            {staff.active ? "Deactivate" : "Reactivate"}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
