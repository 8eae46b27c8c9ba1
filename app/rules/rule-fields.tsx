"use client";
// The rule form's fields: one control per rule field, each showing the error of its JSON path.
import { Field, Input, Select } from "@/components/ui/field";
import { ListInput, NumberInput, Weekdays } from "@/app/rules/rule-inputs";
import { ScheduleFields } from "@/app/rules/rule-schedule-fields";
import { getAt, type Draft, type ErrorField } from "@/lib/rules/editor-form";

type Errors = Partial<Record<ErrorField, string>>;
type Set = (path: string, value: unknown) => void;

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

      <ScheduleFields draft={draft} set={set} errors={errors} />

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
