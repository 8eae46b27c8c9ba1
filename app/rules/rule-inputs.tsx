"use client";
// The rule form's small controls: a list typed as text, a number, and a weekday picker.
import { useState } from "react";
import { Input } from "@/components/ui/field";
import { listFromText, numberFromText, textFromList } from "@/lib/rules/editor-form";

export const WEEKDAYS = [
  ["MO", "Mon"],
  ["TU", "Tue"],
  ["WE", "Wed"],
  ["TH", "Thu"],
  ["FR", "Fri"],
  ["SA", "Sat"],
  ["SU", "Sun"],
] as const;

/** A text field holding a list ("a, b"); keeps what is typed while the draft holds the list. */
export function ListInput({
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

export function NumberInput({
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

export function Weekdays({
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
