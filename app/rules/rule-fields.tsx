"use client";
// The rule form's fields: one control per rule field, each showing the error of its JSON path.
import { useState } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import {
  getAt,
  listFromText,
  numberFromText,
  textFromList,
  type Draft,
  type ErrorField,
} from "@/lib/rules/editor-form";

type Errors = Partial<Record<ErrorField, string>>;
type Set = (path: string, value: unknown) => void;

const WEEKDAYS = [
  ["MO", "Mon"],
  ["TU", "Tue"],
  ["WE", "Wed"],
  ["TH", "Thu"],
  ["FR", "Fri"],
  ["SA", "Sat"],
  ["SU", "Sun"],
] as const;

const SCHEDULE_DEFAULTS: Record<string, Draft> = {
  weekly: { kind: "weekly", byWeekday: ["MO"] },
  perPeriod: { kind: "perPeriod", count: 4 },
  rrule: { kind: "rrule", rule: "FREQ=MONTHLY;BYDAY=1SA" },
  once: { kind: "once" },
  consecutiveDays: { kind: "consecutiveDays" },
};

/** A text field holding a list ("a, b"); keeps what is typed while the draft holds the list. */
function ListInput({
  value,
  onChange,
  ...ids
}: {
  value: unknown;
  onChange: (list: string[] | undefined) => void;
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}) {
  const [text, setText] = useState(textFromList(value));
  // Keep what is typed (commas, spaces) while it means the draft's list; follow the JSON view otherwise.
  const shown = textFromList(listFromText(text)) === textFromList(value) ? text : textFromList(value);
  return (
    <Input
      {...ids}
      value={shown}
      onChange={(e) => {
        setText(e.target.value);
        onChange(listFromText(e.target.value));
      }}
    />
  );
}

function NumberInput({
  value,
  onChange,
  ...rest
}: {
  value: unknown;
  onChange: (value: number | string | undefined) => void;
  id: string;
  min?: number;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}) {
  return (
    <Input
      {...rest}
      type="number"
      inputMode="numeric"
      value={value === undefined ? "" : String(value)}
      onChange={(e) => onChange(numberFromText(e.target.value))}
    />
  );
}

function Weekdays({
  legend,
  value,
  onChange,
  error,
  hint,
}: {
  legend: string;
  value: unknown;
  onChange: (days: string[] | undefined) => void;
  error?: string;
  hint?: string;
}) {
  const days = Array.isArray(value) ? value.map(String) : [];
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-1.5">
        {WEEKDAYS.map(([code, label]) => (
          <label
            key={code}
            className="inline-flex cursor-pointer items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50"
          >
            <input
              type="checkbox"
              checked={days.includes(code)}
              onChange={(e) => {
                const next = e.target.checked
                  ? WEEKDAYS.map(([c]) => c).filter((c) => c === code || days.includes(c))
                  : days.filter((d) => d !== code);
                onChange(next.length ? next : undefined);
              }}
            />
            {label}
          </label>
        ))}
      </div>
      {hint ? <p className="text-xs text-slate-600">{hint}</p> : null}
      {error ? (
        <p role="alert" className="text-xs text-rose-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function RuleFields({
  draft,
  set,
  errors,
  staff,
}: {
  draft: Draft;
  set: Set;
  errors: Errors;
  staff: { id: number; name: string }[];
}) {
  const at = (path: string) => getAt(draft, path);
  const kind = String(at("allocation.schedule.kind") ?? "");
  const span = at("allocation.span");
  const spanKind =
    typeof span === "string" ? span : span && typeof span === "object" ? Object.keys(span)[0] : "";
  const extra = at("allocation.extraWeekdays");
  return (
    <div className="space-y-5">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" error={errors.name}>
          {(ids) => (
            <Input {...ids} value={String(at("name") ?? "")} onChange={(e) => set("name", e.target.value)} />
          )}
        </Field>
        <Field label="Service code" hint="Written on each booking, e.g. WALK60" error={errors.serviceCode}>
          {(ids) => (
            <Input
              {...ids}
              value={String(at("serviceCode") ?? "")}
              onChange={(e) => set("serviceCode", e.target.value)}
            />
          )}
        </Field>
        <Field label="Priority" hint="Lower wins when several rules match a line" error={errors.priority}>
          {(ids) => (
            <NumberInput {...ids} min={0} value={at("priority")} onChange={(v) => set("priority", v)} />
          )}
        </Field>
        <div className="flex items-end pb-1.5">
          <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-800">
            <input
              type="checkbox"
              checked={at("active") !== false}
              onChange={(e) => set("active", e.target.checked)}
            />
            Active (makes bookings)
          </label>
        </div>
      </div>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">What it matches</legend>
        <p className="text-xs text-slate-600">
          Every criterion given must hold; in a list, any one value is enough. Separate values with commas.
        </p>
        {errors.matcher ? (
          <p role="alert" className="text-xs text-rose-700">
            {errors.matcher}
          </p>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          {(
            [
              ["matcher.serviceCodes", "Product service codes", "the product's service_code metadata"],
              ["matcher.productIds", "Product ids", "prod_…"],
              ["matcher.priceIds", "Price ids", "price_…"],
              ["matcher.lookupKeys", "Price lookup keys", undefined],
            ] as const
          ).map(([path, label, hint]) => (
            <Field key={path} label={label} hint={hint} error={errors[path]}>
              {(ids) => <ListInput {...ids} value={at(path)} onChange={(list) => set(path, list)} />}
            </Field>
          ))}
          <Field label="Billing interval" error={errors["matcher.recurringInterval"]}>
            {(ids) => (
              <Select
                {...ids}
                value={String(at("matcher.recurringInterval") ?? "")}
                onChange={(e) => set("matcher.recurringInterval", e.target.value || undefined)}
              >
                <option value="">Any</option>
                <option value="day">Daily</option>
                <option value="week">Weekly</option>
                <option value="month">Monthly</option>
                <option value="year">Yearly</option>
                <option value="one_time">One-off</option>
              </Select>
            )}
          </Field>
          <Field
            label="Currency"
            hint="3 letters, e.g. GBP; empty for any"
            error={errors["matcher.currency"]}
          >
            {(ids) => (
              <Input
                {...ids}
                maxLength={3}
                value={String(at("matcher.currency") ?? "")}
                onChange={(e) => set("matcher.currency", e.target.value.trim() || undefined)}
              />
            )}
          </Field>
        </div>
        {errors["matcher.productMetadata"] ? (
          <p role="alert" className="text-xs text-rose-700">
            Product metadata: {errors["matcher.productMetadata"]}
          </p>
        ) : null}
        <p className="text-xs text-slate-600">Product metadata criteria are edited in the JSON view.</p>
      </fieldset>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">When</legend>
        <Field label="Schedule" error={errors["allocation.schedule"]}>
          {(ids) => (
            <Select
              {...ids}
              value={kind}
              onChange={(e) => set("allocation.schedule", SCHEDULE_DEFAULTS[e.target.value])}
            >
              <option value="weekly">Weekly, on fixed weekdays</option>
              <option value="perPeriod">A number per billing period</option>
              <option value="rrule">Any recurrence (RRULE)</option>
              <option value="once">Once per purchase</option>
              <option value="consecutiveDays">Consecutive days (quantity = days)</option>
            </Select>
          )}
        </Field>
        {kind === "weekly" || kind === "perPeriod" ? (
          <Weekdays
            legend={kind === "weekly" ? "Weekdays" : "Only on these weekdays (none: any day)"}
            value={at("allocation.schedule.byWeekday")}
            onChange={(days) => set("allocation.schedule.byWeekday", days)}
            error={errors["allocation.schedule.byWeekday"]}
          />
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          {kind === "weekly" ? (
            <Field
              label="Every n weeks"
              hint="Empty: every week"
              error={errors["allocation.schedule.everyWeeks"]}
            >
              {(ids) => (
                <NumberInput
                  {...ids}
                  min={1}
                  value={at("allocation.schedule.everyWeeks")}
                  onChange={(v) => set("allocation.schedule.everyWeeks", v)}
                />
              )}
            </Field>
          ) : null}
          {kind === "perPeriod" ? (
            <Field label="Bookings per period" error={errors["allocation.schedule.count"]}>
              {(ids) => (
                <NumberInput
                  {...ids}
                  min={1}
                  value={at("allocation.schedule.count")}
                  onChange={(v) => set("allocation.schedule.count", v)}
                />
              )}
            </Field>
          ) : null}
          {kind === "rrule" ? (
            <Field
              label="Recurrence rule"
              hint="e.g. FREQ=MONTHLY;BYDAY=1SA"
              error={errors["allocation.schedule.rule"]}
            >
              {(ids) => (
                <Input
                  {...ids}
                  className="font-mono"
                  value={String(at("allocation.schedule.rule") ?? "")}
                  onChange={(e) => set("allocation.schedule.rule", e.target.value)}
                />
              )}
            </Field>
          ) : null}
          {kind === "once" || kind === "consecutiveDays" ? (
            <Field
              label="Days after the purchase"
              hint="Empty: 0"
              error={errors["allocation.schedule.offsetDays"]}
            >
              {(ids) => (
                <NumberInput
                  {...ids}
                  min={0}
                  value={at("allocation.schedule.offsetDays")}
                  onChange={(v) => set("allocation.schedule.offsetDays", v)}
                />
              )}
            </Field>
          ) : null}
          <Field
            label="Start times"
            hint="Local HH:mm, comma-separated; one booking at each"
            error={errors["allocation.startTimes"]}
          >
            {(ids) => (
              <ListInput
                {...ids}
                value={at("allocation.startTimes")}
                onChange={(list) => set("allocation.startTimes", list)}
              />
            )}
          </Field>
          <Field
            label="Duration (minutes)"
            hint="Empty: the business default"
            error={errors["allocation.durationMin"]}
          >
            {(ids) => (
              <NumberInput
                {...ids}
                min={1}
                value={at("allocation.durationMin")}
                onChange={(v) => set("allocation.durationMin", v)}
              />
            )}
          </Field>
          <Field label="How long a line books" error={errors["allocation.span"]}>
            {(ids) => (
              <Select
                {...ids}
                value={spanKind}
                onChange={(e) => {
                  const v = e.target.value;
                  set(
                    "allocation.span",
                    v === "weeks" ? { weeks: 6 } : v === "count" ? { count: 10 } : v || undefined,
                  );
                }}
              >
                <option value="">Default (subscription / invoice period)</option>
                <option value="subscription">While the subscription runs</option>
                <option value="invoicePeriod">The period paid for</option>
                <option value="weeks">A number of weeks</option>
                <option value="count">A number of bookings</option>
              </Select>
            )}
          </Field>
          {spanKind === "weeks" || spanKind === "count" ? (
            <Field label={spanKind === "weeks" ? "Weeks" : "Bookings"} error={errors["allocation.span"]}>
              {(ids) => (
                <NumberInput
                  {...ids}
                  min={1}
                  value={at(`allocation.span.${spanKind}`)}
                  onChange={(v) => set(`allocation.span.${spanKind}`, v)}
                />
              )}
            </Field>
          ) : null}
        </div>
      </fieldset>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">Quantity and staff</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Quantity" error={errors["allocation.quantity"]}>
            {(ids) => (
              <Select
                {...ids}
                value={String(at("allocation.quantity") ?? "multiply")}
                onChange={(e) => set("allocation.quantity", e.target.value)}
              >
                <option value="multiply">Quantity n = n bookings each time</option>
                <option value="ignore">One booking whatever the quantity</option>
              </Select>
            )}
          </Field>
          <Field label="Extra bookings of a quantity above 1" error={errors["allocation.extraWeekdays"]}>
            {(ids) => (
              <Select
                {...ids}
                value={Array.isArray(extra) ? "days" : "parallel"}
                onChange={(e) =>
                  set("allocation.extraWeekdays", e.target.value === "days" ? ["TH"] : undefined)
                }
              >
                <option value="parallel">Same time, same day</option>
                <option value="days">Later weekdays of the week</option>
              </Select>
            )}
          </Field>
        </div>
        {Array.isArray(extra) ? (
          <Weekdays
            legend="Extra bookings go on"
            value={extra}
            onChange={(days) => set("allocation.extraWeekdays", days ?? "parallel")}
          />
        ) : null}
        <Field
          label="Walker"
          hint="Every booking goes to them; else unassigned"
          error={errors["allocation.staffId"]}
        >
          {(ids) => (
            <Select
              {...ids}
              value={String(at("allocation.staffId") ?? "")}
              onChange={(e) => set("allocation.staffId", e.target.value ? Number(e.target.value) : undefined)}
            >
              <option value="">Unassigned</option>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </fieldset>
    </div>
  );
}
