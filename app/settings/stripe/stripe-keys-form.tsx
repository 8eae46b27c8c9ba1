"use client";
// Settings → Stripe: what is in use (last 4 characters, mode, where it comes from) and a form to
// save a new secret key and/or webhook secret. The server checks the key with Stripe before it
// keeps it; the fields are emptied after saving, so a key is never shown again.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Pill } from "@/components/ui/pill";
import { useToast } from "@/components/ui/toast";
import { useZodForm } from "@/components/ui/use-form";
import type { KeyView, StripeKeysView } from "@/lib/desktop/stripe-keys";
import { stripeKeysFormSchema } from "@/lib/desktop/stripe-keys-form";
import { apiJson } from "@/lib/schedule/api-client";

type Which = "secretKey" | "webhookSecret";
const NAMES: Record<Which, { title: string; env: string }> = {
  secretKey: { title: "Secret key", env: "STRIPE_SECRET_KEY" },
  webhookSecret: { title: "Webhook signing secret", env: "STRIPE_WEBHOOK_SECRET" },
};

function KeyStatus({
  which,
  state,
  onRemove,
  busy,
}: {
  which: Which;
  state: KeyView;
  onRemove: () => void;
  busy: boolean;
}) {
  const name = NAMES[which];
  const hint = (h: { last4: string; mode: string }, prefix = "") =>
    which === "secretKey" ? `${prefix}…${h.last4} (${h.mode} mode)` : `${prefix}…${h.last4}`;
  return (
    <div className="space-y-1 px-4 py-3 text-sm" data-testid={`status-${which}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{name.title}</span>
        {state.active === null ? (
          <Pill tone="amber">not set</Pill>
        ) : (
          <>
            <code className="text-slate-800">{hint(state.active)}</code>
            {which === "secretKey" && state.active.mode === "live" ? <Pill tone="green">live</Pill> : null}
            <Pill tone={state.source === "environment" ? "indigo" : "neutral"}>
              {state.source === "environment" ? "from the environment" : "saved here"}
            </Pill>
          </>
        )}
      </div>
      {state.active === null ? (
        <p className="text-slate-600">
          {which === "secretKey"
            ? "Without a key the app shows demo data. Paste a key from Stripe's Developers → API keys."
            : "Without it, webhooks are refused; the app still catches up with Stripe every few minutes."}
        </p>
      ) : null}
      {state.source === "environment" ? (
        <p className="text-slate-600">
          {name.env} is set in the environment (or .env) and wins over anything saved here
          {state.stored ? ` (saved here: ${hint(state.stored)})` : ""}.
        </p>
      ) : null}
      {state.restartNeeded ? (
        <p role="status" className="font-medium text-amber-900">
          Saved. Restart Stripe Bookings (close the window and open it again) to use it.
        </p>
      ) : null}
      {state.stored ? (
        <Button type="button" size="sm" variant="ghost" onClick={onRemove} disabled={busy}>
          Remove the saved {which === "secretKey" ? "key" : "secret"}
        </Button>
      ) : null}
    </div>
  );
}

export function StripeKeysForm({ view, timeZone }: { view: StripeKeysView; timeZone: string }) {
  const router = useRouter();
  const toast = useToast();
  const form = useZodForm(stripeKeysFormSchema);
  const [values, setValues] = useState({ secretKey: "", webhookSecret: "" });
  const [removing, setRemoving] = useState(false);
  const saved = view.savedAt
    ? new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(
        new Date(view.savedAt),
      )
    : null;

  async function remove(which: Which) {
    setRemoving(true);
    try {
      await apiJson("/api/owner/stripe-keys", { method: "PUT", body: { [which]: null } });
      toast({ title: `${NAMES[which].title} removed` });
      router.refresh();
    } catch (error) {
      form.setErrors({ form: error instanceof Error ? error.message : String(error) });
    } finally {
      setRemoving(false);
    }
  }

  return (
    <div className="grid max-w-3xl gap-4">
      <Card aria-labelledby="keys-in-use">
        <CardHeader id="keys-in-use" title="In use" />
        <div className="divide-y divide-slate-100">
          <KeyStatus
            which="secretKey"
            state={view.secretKey}
            busy={removing}
            onRemove={() => void remove("secretKey")}
          />
          <KeyStatus
            which="webhookSecret"
            state={view.webhookSecret}
            busy={removing}
            onRemove={() => void remove("webhookSecret")}
          />
        </div>
        <p className="px-4 pb-3 text-xs text-slate-600">
          {saved ? `Last saved ${saved}. ` : ""}Saved keys are kept in the data folder, readable by your user
          account only.
        </p>
      </Card>
      <Card className="p-4">
        <form
          aria-label="Save Stripe keys"
          noValidate
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            void form.submit(values, async () => {
              const parsed = stripeKeysFormSchema.parse(values);
              const body = {
                ...(parsed.secretKey ? { secretKey: parsed.secretKey } : {}),
                ...(parsed.webhookSecret ? { webhookSecret: parsed.webhookSecret } : {}),
              };
              await apiJson("/api/owner/stripe-keys", { method: "PUT", body });
              setValues({ secretKey: "", webhookSecret: "" });
              toast({ title: "Stripe keys saved", description: "Stripe accepted the key." });
              router.refresh();
            });
          }}
        >
          <FormError message={form.errors.form} />
          <Field
            label="New secret key"
            hint="sk_live_…, sk_test_… or a restricted key rk_…; checked with Stripe before it is saved"
            error={form.errors.secretKey}
          >
            {(ids) => (
              <Input
                {...ids}
                name="secretKey"
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={values.secretKey}
                onChange={(e) => setValues({ ...values, secretKey: e.target.value })}
              />
            )}
          </Field>
          <Field
            label="New webhook signing secret"
            hint="whsec_…, from the webhook endpoint in Stripe's Developers → Webhooks"
            error={form.errors.webhookSecret}
          >
            {(ids) => (
              <Input
                {...ids}
                name="webhookSecret"
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={values.webhookSecret}
                onChange={(e) => setValues({ ...values, webhookSecret: e.target.value })}
              />
            )}
          </Field>
          <Button type="submit" variant="primary" disabled={form.pending}>
            {form.pending ? "Checking with Stripe…" : "Save"}
          </Button>
        </form>
      </Card>
    </div>
  );
}
