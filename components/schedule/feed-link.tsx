"use client";
// A calendar feed link: existing links are shown by prefix (only hashes are stored); a new one
// is created on demand and shown once, with a Copy button.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { apiJson, ApiError } from "@/lib/schedule/api-client";

export function FeedLink({
  scope,
  existing,
}: {
  scope: { scope: "staff"; staffId: number } | { scope: "client"; clientStripeId: string };
  existing: { id: number; prefix: string }[];
}) {
  const [url, setUrl] = useState<string | null>(null);
  const toast = useToast();
  return (
    <div className="space-y-2 text-sm">
      {existing.length > 0 ? (
        <p className="text-slate-700">
          {existing.length} active link{existing.length === 1 ? "" : "s"}:{" "}
          {existing.map((f) => `${f.prefix}…`).join(", ")}
        </p>
      ) : (
        <p className="text-slate-700">No calendar link yet.</p>
      )}
      {url ? (
        <div className="flex gap-2">
          <Input readOnly value={url} aria-label="Calendar feed URL" onFocus={(e) => e.target.select()} />
          <Button
            onClick={() => navigator.clipboard?.writeText(url).then(() => toast({ title: "Link copied" }))}
          >
            Copy
          </Button>
        </div>
      ) : (
        <Button
          onClick={async () => {
            try {
              const created = await apiJson<{ url: string }>("/api/staff/feeds", { body: scope });
              setUrl(created.url);
              toast({ title: "Calendar link created", description: "Shown once: copy it now." });
            } catch (error) {
              toast({
                title: "No link created",
                description: error instanceof ApiError ? error.message : String(error),
                tone: "error",
              });
            }
          }}
        >
          New calendar link
        </Button>
      )}
    </div>
  );
}
