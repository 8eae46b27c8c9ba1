"use client";
// The default walker of a client, subscription or rule: new occurrences get them unless
// someone assigned a walker by hand.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { StaffOption } from "@/components/schedule/assign-control";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { apiJson, ApiError } from "@/lib/schedule/api-client";

export function DefaultWalker({
  scope,
  target,
  current,
  staff,
  label,
}: {
  scope: "client" | "subscription" | "rule";
  target: string;
  current: number | null;
  staff: StaffOption[];
  label: string;
}) {
  const [value, setValue] = useState(current === null ? "" : String(current));
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const router = useRouter();
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const staffId = value === "" ? null : Number(value);
        try {
          const res = await apiJson<{ summary?: { updated?: number } }>("/api/staff/defaults", {
            body: { scope, key: target, staffId },
          });
          const name = staff.find((s) => s.id === staffId)?.name;
          const n = res.summary?.updated;
          toast({
            title: name ? `Default walker set to ${name}` : "Default walker removed",
            description:
              typeof n === "number"
                ? `${n} upcoming visit${n === 1 ? "" : "s"} updated; hand assignments kept.`
                : undefined,
          });
          router.refresh();
        } catch (error) {
          toast({
            title: "Default not saved",
            description: error instanceof ApiError ? error.message : String(error),
            tone: "error",
          });
        } finally {
          setBusy(false);
        }
      }}
    >
      <Select aria-label={label} value={value} onChange={(e) => setValue(e.target.value)} className="w-44">
        <option value="">No default</option>
        {staff.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </Select>
      <Button type="submit" size="sm" disabled={busy || value === (current === null ? "" : String(current))}>
        Save default
      </Button>
    </form>
  );
}
