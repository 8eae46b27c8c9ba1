"use client";
// Per-rule actions on the list: move up / down in match order and activate / deactivate. Each
// re-derives bookings and says what changed; deactivating offers Undo.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { apiJson, ApiError } from "@/lib/schedule/api-client";

type Summary = { inserted: number; updated: number; cancelled: number };
const said = (s: Summary) => `${s.inserted} bookings created, ${s.updated} changed, ${s.cancelled} cancelled`;

export function RuleActions({
  id,
  name,
  active,
  first,
  last,
}: {
  id: number;
  name: string;
  active: boolean;
  first: boolean;
  last: boolean;
}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState(false);

  async function call(url: string, body: unknown, title: string, undo?: () => void) {
    setPending(true);
    try {
      const { summary } = await apiJson<{ summary: Summary }>(url, { body });
      toast({
        title,
        description: said(summary),
        action: undo ? { label: "Undo", onClick: undo } : undefined,
      });
      router.refresh();
    } catch (error) {
      toast({
        title: "Nothing changed",
        description: error instanceof ApiError ? error.message : String(error),
        tone: "error",
      });
    } finally {
      setPending(false);
    }
  }
  const setActive = (next: boolean) =>
    call(
      `/api/owner/rules/${id}/active`,
      { active: next },
      `${name} ${next ? "activated" : "deactivated"}`,
      next ? undefined : () => void setActive(true),
    );
  const move = (direction: "up" | "down") =>
    call(`/api/owner/rules/${id}/move`, { direction }, `${name} moved ${direction}`);

  return (
    <div className="flex flex-wrap gap-1.5">
      <Button
        size="sm"
        disabled={pending || first}
        onClick={() => void move("up")}
        aria-label={`Move ${name} up`}
      >
        ↑ Up
      </Button>
      <Button
        size="sm"
        disabled={pending || last}
        onClick={() => void move("down")}
        aria-label={`Move ${name} down`}
      >
        ↓ Down
      </Button>
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() => void setActive(!active)}
        aria-label={`${active ? "Deactivate" : "Activate"} ${name}`}
      >
        {active ? "Deactivate" : "Activate"}
      </Button>
    </div>
  );
}
