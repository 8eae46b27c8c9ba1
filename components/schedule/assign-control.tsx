"use client";
// Assigning walkers, one booking or many: the call, the toast naming what changed, and Undo
// (which puts each booking back to the walker it had).
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { apiJson, ApiError } from "@/lib/schedule/api-client";

export interface StaffOption {
  id: number;
  name: string;
}

interface Before {
  id: number;
  staffId: number | null;
  /** The SEQUENCE the screen showed: sent so a visit changed since is not assigned unseen. */
  version?: number;
}

const versionsOf = (before: Before[]) =>
  before.some((b) => b.version !== undefined)
    ? Object.fromEntries(before.filter((b) => b.version !== undefined).map((b) => [String(b.id), b.version!]))
    : undefined;

export function useAssign(staff: StaffOption[]) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const router = useRouter();
  const nameOf = (id: number | null) =>
    id === null ? "Unassigned" : (staff.find((s) => s.id === id)?.name ?? `#${id}`);
  const refresh = async () => {
    await queryClient.invalidateQueries();
    router.refresh();
  };
  return async function assign(before: Before[], staffId: number | null, undoable = true): Promise<boolean> {
    try {
      await apiJson("/api/staff/bookings/assign", {
        body: { ids: before.map((b) => b.id), staffId, versions: versionsOf(before) },
      });
    } catch (error) {
      // A visit changed since it was shown: the screen refreshes to show it as it is now.
      if (error instanceof ApiError && error.status === 412) await refresh();
      toast({
        title:
          error instanceof ApiError && error.status === 412
            ? "Changed by someone else"
            : "Nothing was assigned",
        description: error instanceof ApiError ? error.message : String(error),
        tone: "error",
      });
      return false;
    }
    await refresh();
    const n = before.length;
    toast({
      title:
        staffId === null
          ? `${n} visit${n === 1 ? "" : "s"} unassigned`
          : `${n} visit${n === 1 ? "" : "s"} assigned to ${nameOf(staffId)}`,
      action: undoable
        ? {
            label: "Undo",
            onClick: async () => {
              const groups = new Map<number | null, number[]>();
              for (const b of before) groups.set(b.staffId, [...(groups.get(b.staffId) ?? []), b.id]);
              for (const [prev, ids] of groups)
                await apiJson("/api/staff/bookings/assign", { body: { ids, staffId: prev } });
              await refresh();
              toast({ title: "Assignment undone" });
            },
          }
        : undefined,
    });
    return true;
  };
}

/** A walker picker and an Assign button (bulk bar, booking page). */
export function AssignControl({
  staff,
  bookings,
  onDone,
  label = "Assign to",
}: {
  staff: StaffOption[];
  bookings: Before[];
  onDone?: () => void;
  label?: string;
}) {
  const assign = useAssign(staff);
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!value || bookings.length === 0) return;
        setBusy(true);
        const ok = await assign(bookings, value === "none" ? null : Number(value));
        setBusy(false);
        if (ok) onDone?.();
      }}
    >
      <Select aria-label="Walker" value={value} onChange={(e) => setValue(e.target.value)} className="w-44">
        <option value="">Choose a walker…</option>
        {staff.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
        <option value="none">Unassigned</option>
      </Select>
      <Button type="submit" variant="primary" disabled={!value || busy || bookings.length === 0}>
        {label}
      </Button>
    </form>
  );
}
