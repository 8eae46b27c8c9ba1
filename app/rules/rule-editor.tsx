"use client";
// The rule editor: the form and the JSON view edit one draft (either updates the other; invalid
// JSON says where), errors shown at the field they name, then Preview → the bookings saving
// would create / change / cancel → Save, which applies exactly that (409 + new preview if the
// schedule moved on meanwhile).
import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Textarea } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import type { ChangeSummary } from "@/lib/rules/change-summary";
import {
  errorsByField,
  parseJsonText,
  setAt,
  validateDraft,
  type Draft,
  type ErrorField,
} from "@/lib/rules/editor-form";
import { ChangePreview } from "@/app/rules/change-preview";
import { RuleFields } from "@/app/rules/rule-fields";

type Errors = Partial<Record<ErrorField, string>>;

async function post(url: string, method: string, body: unknown) {
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    cache: "no-store",
  });
  const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  return { status: response.status, json: json ?? {} };
}

const pretty = (draft: Draft) => JSON.stringify(draft, null, 2);

export function RuleEditor({
  ruleId,
  initial,
  staff,
}: {
  ruleId?: number;
  initial: Draft;
  staff: { id: number; name: string }[];
}) {
  const router = useRouter();
  const toast = useToast();
  const jsonId = useId();
  const [draft, setDraft] = useState<Draft>(initial);
  const [jsonText, setJsonText] = useState(pretty(initial));
  const [jsonError, setJsonError] = useState<string>();
  const [checked, setChecked] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [preview, setPreview] = useState<ChangeSummary | null>(null);
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);

  const clientErrors = useMemo(() => (checked ? validateDraft(draft) : {}), [checked, draft]);
  const errors: Errors = { ...serverErrors, ...clientErrors };

  function update(next: Draft, fromJson = false) {
    setDraft(next);
    if (!fromJson) {
      setJsonText(pretty(next));
      setJsonError(undefined);
    }
    setPreview(null);
    setServerErrors({});
    setMessage(undefined);
  }

  async function showPreview() {
    setChecked(true);
    if (jsonError) return;
    const local = validateDraft(draft);
    if (Object.keys(local).length > 0) {
      setMessage("Fix the fields marked below, then preview again.");
      return;
    }
    setPending(true);
    try {
      const { status, json } = await post("/api/owner/rules/preview", "POST", { ruleId, rule: draft });
      if (status === 200) {
        setPreview(json as unknown as ChangeSummary);
        setMessage(undefined);
      } else failed(json);
    } finally {
      setPending(false);
    }
  }

  function failed(json: Record<string, unknown>) {
    const issues = (json.errors as { path: string; message: string }[] | undefined) ?? [];
    setServerErrors(errorsByField(issues));
    setMessage(String(json.detail ?? "The server refused the rule."));
  }

  async function save() {
    if (!preview) return;
    setPending(true);
    try {
      const body = { rule: draft, expect: preview.fingerprint };
      const { status, json } = ruleId
        ? await post(`/api/owner/rules/${ruleId}`, "PUT", body)
        : await post("/api/owner/rules", "POST", body);
      if (status === 200 || status === 201) {
        const summary = json.summary as { inserted: number; updated: number; cancelled: number };
        const id = (json.rule as { id: number }).id;
        toast({
          title: ruleId ? "Rule saved" : "Rule created",
          description: `${summary.inserted} bookings created, ${summary.updated} changed, ${summary.cancelled} cancelled`,
        });
        setPreview(null);
        if (ruleId) router.refresh();
        else router.push(`/rules/${id}`);
      } else if (status === 409) {
        setPreview(json.preview as ChangeSummary);
        setMessage(String(json.detail));
      } else failed(json);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-6">
      <FormError message={message} />
      <div className="grid items-start gap-6 lg:grid-cols-5">
        <Card className="p-4 lg:col-span-3" aria-label="Rule form">
          <form
            aria-label="Rule"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void showPreview();
            }}
          >
            <RuleFields
              draft={draft}
              set={(path, value) => update(setAt(draft, path, value))}
              errors={errors}
              staff={staff}
            />
            {errors.form ? (
              <p role="alert" className="mt-3 text-xs text-rose-700">
                {errors.form}
              </p>
            ) : null}
          </form>
        </Card>
        <Card className="p-4 lg:col-span-2" aria-label="JSON view">
          <label htmlFor={jsonId} className="block text-sm font-semibold">
            JSON
          </label>
          <p className="mb-2 text-xs text-slate-600">
            The same rule as JSON (docs/RULES.md); edit either side.
          </p>
          <Textarea
            id={jsonId}
            spellCheck={false}
            rows={28}
            className="font-mono text-xs"
            aria-invalid={jsonError ? true : undefined}
            aria-describedby={jsonError ? `${jsonId}-error` : undefined}
            value={jsonText}
            onChange={(e) => {
              setJsonText(e.target.value);
              const parsed = parseJsonText(e.target.value);
              if (parsed.ok) {
                setJsonError(undefined);
                update(parsed.value, true);
              } else setJsonError(parsed.message);
            }}
          />
          {jsonError ? (
            <p id={`${jsonId}-error`} role="alert" className="mt-1 text-xs text-rose-700">
              {jsonError}
            </p>
          ) : null}
        </Card>
      </div>

      <Card className="p-4" aria-label="Preview">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 className="font-medium">What saving does</h2>
          <div className="flex gap-2">
            <Button onClick={() => void showPreview()} disabled={pending || Boolean(jsonError)}>
              Preview changes
            </Button>
            <Button variant="primary" onClick={() => void save()} disabled={pending || !preview}>
              {ruleId ? "Save rule" : "Create rule"}
            </Button>
          </div>
        </div>
        {preview ? (
          <ChangePreview preview={preview} />
        ) : (
          <p className="text-sm text-slate-700">
            Preview first: you see the bookings saving would create, change and cancel, then save.
          </p>
        )}
      </Card>
    </div>
  );
}
