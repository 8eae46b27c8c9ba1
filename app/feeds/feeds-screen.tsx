"use client";
// The feeds screen's interactive part: who the links reach (a plain warning when only this
// computer), the new-feed form, the links of the feed just created or rotated, and the list with
// Show link / Rotate / Revoke. Rows arrive formatted by the server (business zone).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Combobox } from "@/components/ui/combobox";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input, Select } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Pill } from "@/components/ui/pill";
import { useToast } from "@/components/ui/toast";
import { useZodForm } from "@/components/ui/use-form";
import { apiJson } from "@/lib/schedule/api-client";
import { feedFormSchema } from "@/app/feeds/feed-form-schema";
import { FeedActions } from "@/app/feeds/feed-actions";
import { IssuedLink, type Issued } from "@/app/feeds/issued-link";
import { ReachNote, type FeedLinkJson } from "@/components/schedule/feed-link-body";

export interface FeedRow {
  id: number;
  name: string;
  scopeLabel: string;
  prefix: string;
  created: string;
  lastFetched: string | null;
  userAgent: string | null;
  revoked: string | null;
  /** The token is kept sealed: Show link works. */
  sealed: boolean;
}

export function FeedsScreen({
  feeds,
  staff,
  clients,
  reach,
}: {
  feeds: FeedRow[];
  staff: { id: number; name: string }[];
  clients: { stripeId: string; name: string }[];
  /** Who links made on this page can reach (this request's address or PUBLIC_URL). */
  reach: Pick<FeedLinkJson, "reach" | "warning">;
}) {
  const [issued, setIssued] = useState<Issued | null>(null);
  const active = feeds.filter((f) => !f.revoked);
  const revoked = feeds.filter((f) => f.revoked);
  return (
    <div className="grid items-start gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        {issued ? (
          <IssuedLink issued={issued} />
        ) : (
          <ReachNote
            reach={reach.reach}
            warning={reach.warning}
            title={
              reach.reach === "this-computer"
                ? "Feed links work only on this computer"
                : "Feed links work only on your local network"
            }
          />
        )}
        {feeds.length === 0 ? (
          <EmptyState title="No calendar feeds yet">
            Create one with the form: a feed for the whole business, for one walker, or for a client to
            subscribe to their visits.
          </EmptyState>
        ) : (
          <>
            <FeedList title="Active feeds" rows={active} onIssued={setIssued} />
            {revoked.length > 0 ? <FeedList title="Revoked" rows={revoked} onIssued={setIssued} /> : null}
          </>
        )}
      </div>
      <Card className="p-4" aria-labelledby="new-feed-heading">
        <h2 id="new-feed-heading" className="mb-3 font-medium">
          New feed
        </h2>
        <NewFeedForm staff={staff} clients={clients} onIssued={setIssued} />
      </Card>
    </div>
  );
}

function FeedList({
  title,
  rows,
  onIssued,
}: {
  title: string;
  rows: FeedRow[];
  onIssued: (issued: Issued) => void;
}) {
  return (
    <section aria-label={title}>
      <h2 className="mb-2 font-medium">{title}</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">None.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {rows.map((f) => (
            <li
              key={f.id}
              className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center"
              data-testid="feed-row"
            >
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{f.name}</span>
                  <Pill tone="indigo">{f.scopeLabel}</Pill>
                  {f.revoked ? <Pill tone="grey">revoked</Pill> : null}
                  <code className="text-xs text-slate-700">{f.prefix}…</code>
                </div>
                <p className="text-xs text-slate-700">
                  Created {f.created}
                  {f.revoked ? ` · revoked ${f.revoked}` : null}
                </p>
                <p className="text-xs text-slate-700" data-testid="last-fetched">
                  {f.lastFetched ? (
                    <>
                      Last fetched {f.lastFetched}
                      {f.userAgent ? (
                        <>
                          {" "}
                          by <span className="break-all">{f.userAgent}</span>
                        </>
                      ) : null}
                    </>
                  ) : (
                    "Never fetched yet"
                  )}
                </p>
              </div>
              {f.revoked ? null : (
                <div className="flex flex-col gap-1 sm:items-end">
                  <FeedActions id={f.id} name={f.name} sealed={f.sealed} onIssued={onIssued} />
                  {f.sealed ? null : (
                    <p className="max-w-72 text-xs text-slate-700" data-testid="not-sealed">
                      Made before links could be shown again — rotate to get one you can show again.
                    </p>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NewFeedForm({
  staff,
  clients,
  onIssued,
}: {
  staff: { id: number; name: string }[];
  clients: { stripeId: string; name: string }[];
  onIssued: (issued: Issued) => void;
}) {
  const router = useRouter();
  const toast = useToast();
  const form = useZodForm(feedFormSchema);
  const [v, setV] = useState({ scope: "business", staffId: "", clientStripeId: "", label: "" });
  const clientName = clients.find((c) => c.stripeId === v.clientStripeId)?.name;
  return (
    <form
      className="space-y-3"
      noValidate
      aria-label="New feed"
      onSubmit={(e) => {
        e.preventDefault();
        void (async () => {
          const ok = await form.submit(v, async (values) => {
            const body = feedFormSchema.parse(values);
            const created = await apiJson<FeedLinkJson & { feed: { id: number } }>("/api/owner/feeds", {
              body,
            });
            const who =
              body.scope === "business"
                ? "the business"
                : body.scope === "staff"
                  ? (staff.find((s) => s.id === body.staffId)?.name ?? "the walker")
                  : (clientName ?? "the client");
            onIssued({
              url: created.url,
              webcal: created.webcal,
              reach: created.reach,
              warning: created.warning,
              title: `Feed for ${who} created`,
            });
            toast({ title: "Feed created", description: `For ${who}` });
          });
          if (ok) {
            setV({ scope: v.scope, staffId: "", clientStripeId: "", label: "" });
            router.refresh();
          }
        })();
      }}
    >
      <FormError message={form.errors.form} />
      <Field label="For" error={form.errors.scope}>
        {(ids) => (
          <Select {...ids} value={v.scope} onChange={(e) => setV({ ...v, scope: e.target.value })}>
            <option value="business">The whole business</option>
            <option value="staff">A walker</option>
            <option value="client">A client</option>
          </Select>
        )}
      </Field>
      {v.scope === "staff" ? (
        <Field label="Walker" error={form.errors.staffId}>
          {(ids) => (
            <Select {...ids} value={v.staffId} onChange={(e) => setV({ ...v, staffId: e.target.value })}>
              <option value="">Choose a walker…</option>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      {v.scope === "client" ? (
        <Field
          label="Client"
          error={form.errors.clientStripeId}
          hint="Client feeds show only times, service and the walker's first name."
        >
          {(ids) => (
            <Combobox
              id={ids.id}
              options={clients.map((c) => ({ value: c.stripeId, label: c.name, hint: c.stripeId }))}
              value={v.clientStripeId || null}
              onChange={(value) => setV({ ...v, clientStripeId: value })}
              placeholder={clientName ?? "Choose a client…"}
            />
          )}
        </Field>
      ) : null}
      <Field label="Name in the calendar app" hint="Optional" error={form.errors.label}>
        {(ids) => <Input {...ids} value={v.label} onChange={(e) => setV({ ...v, label: e.target.value })} />}
      </Field>
      <Button type="submit" variant="primary" disabled={form.pending}>
        Create feed
      </Button>
    </form>
  );
}
