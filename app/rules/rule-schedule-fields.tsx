"use client";
// The "When" part of the rule form: schedule kind and its fields, start times, duration, span.
import { Field, Input, Select } from "@/components/ui/field";
import { ListInput, NumberInput, Weekdays } from "@/app/rules/rule-inputs";
import { getAt, type Draft, type ErrorField } from "@/lib/rules/editor-form";

const SCHEDULE_DEFAULTS: Record<string, Draft> = {
  weekly: { kind: "weekly", byWeekday: ["MO"] },
  perPeriod: { kind: "perPeriod", count: 4 },
  rrule: { kind: "rrule", rule: "FREQ=MONTHLY;BYDAY=1SA" },
  once: { kind: "once" },
  consecutiveDays: { kind: "consecutiveDays" },
};

export function ScheduleFields({
  draft,
  set,
  errors,
}: {
  draft: Draft;
  set: (path: string, value: unknown) => void;
  errors: Partial<Record<ErrorField, string>>;
}) {
  const at = (path: string) => getAt(draft, path);
  const kind = String(at("allocation.schedule.kind") ?? "");
  const span = at("allocation.span");
  const spanKind =
    typeof span === "string" ? span : span && typeof span === "object" ? Object.keys(span)[0] : "";
  return (
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
  );
}
