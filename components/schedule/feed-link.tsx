"use client";
// A calendar feed link on a walker's page and the client card: the active links by prefix, Show
// link for the owner (the token is kept sealed; audited), and a new link on demand. Whoever sees
// a link sees who can open it (a plain warning when only this computer can).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import { apiJson, ApiError } from "@/lib/schedule/api-client";
import { FeedLinkBody, type FeedLinkJson } from "@/components/schedule/feed-link-body";

interface Existing {
  id: number;
  prefix: string;
}

export function FeedLink({
  scope,
  existing,
  mayShowAgain = false,
}: {
  scope: { scope: "staff"; staffId: number } | { scope: "client"; clientStripeId: string };
  existing: Existing[];
  /** The owner may show an existing link again (POST /api/owner/feeds/<id>/link). */
  mayShowAgain?: boolean;
}) {
  const [shown, setShown] = useState<(FeedLinkJson & { id: number; fresh: boolean }) | null>(null);
  const [made, setMade] = useState<Existing[]>([]);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const toast = useToast();
  const router = useRouter();
  // The page's list may not have the link just made yet (it refreshes in the background).
  const active = [...made.filter((m) => !existing.some((e) => e.id === m.id)), ...existing];

  async function create() {
    setPending(true);
    setError(undefined);
    try {
      const created = await apiJson<FeedLinkJson & Existing>("/api/staff/feeds", { body: scope });
      setMade((list) => [{ id: created.id, prefix: created.prefix }, ...list]);
      setShown({ ...created, fresh: true });
      toast({
        title: "Calendar link created",
        description: mayShowAgain ? "You can show it again later." : "Copy it now.",
      });
      router.refresh();
    } catch (caught) {
      toast({
        title: "No link created",
        description: caught instanceof ApiError ? caught.message : String(caught),
        tone: "error",
      });
    } finally {
      setPending(false);
    }
  }

  async function showAgain(id: number) {
    setPending(true);
    setError(undefined);
    try {
      const link = await apiJson<FeedLinkJson>(`/api/owner/feeds/${id}/link`, { method: "POST" });
      setShown({ ...link, id, fresh: false });
    } catch (caught) {
      setShown(null);
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-3 text-sm">
      {active.length > 0 ? (
        <div className="space-y-1">
          <p className="text-slate-700">
            {active.length} active link{active.length === 1 ? "" : "s"}
            {mayShowAgain ? "" : `: ${active.map((f) => `${f.prefix}…`).join(", ")}`}
          </p>
          {mayShowAgain ? (
            <ul className="space-y-1">
              {active.map((f) => (
                <li key={f.id} className="flex flex-wrap items-center gap-2">
                  <code className="text-xs text-slate-700">{f.prefix}…</code>
                  {shown?.id === f.id ? (
                    <span className="text-xs text-slate-700">shown below</span>
                  ) : (
                    <Button size="sm" disabled={pending} onClick={() => void showAgain(f.id)}>
                      Show link<span className="sr-only"> {f.prefix}</span>
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : (
        <p className="text-slate-700">No calendar link yet.</p>
      )}
      <FormError message={error} />
      {shown ? (
        <section aria-label="Calendar feed link" className="space-y-2" data-testid="feed-link-shown">
          <p className="text-slate-700">
            {shown.fresh ? "New link" : "Link"} {shown.url.match(/\/calendar\/(.{6})/)?.[1] ?? ""}…
            {mayShowAgain ? "" : " — copy it now: it is not shown here again."}
          </p>
          <FeedLinkBody link={shown} qrSize={144} stacked />
        </section>
      ) : null}
      <Button disabled={pending} onClick={() => void create()}>
        New calendar link
      </Button>
    </div>
  );
}
