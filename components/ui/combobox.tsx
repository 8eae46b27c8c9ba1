"use client";
// Combobox: a button that opens a filterable list (Radix Popover). Arrow keys move, Enter picks,
// Escape closes; the input is a real combobox for screen readers.
import { Popover } from "radix-ui";
import { useId, useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";
import { controlClass } from "@/components/ui/field";
import { phoneSearchDigits } from "@/lib/phone-text";

export interface ComboOption {
  value: string;
  label: string;
  hint?: string;
  /**
   * Digits of the option's phone number in the forms it is typed (lib/phone.ts
   * `phoneDigitForms`): a query that is a phone number matches when its digits are among them.
   */
  phoneDigits?: string;
}

/** Whether `option` matches the typed query: text in its label or hint, or its phone number. */
function matches(option: ComboOption, text: string, digits: string | null): boolean {
  if (`${option.label} ${option.hint ?? ""}`.toLowerCase().includes(text)) return true;
  // "0044 7700 900457" dials abroad: its digits without the 00 are E.164's.
  return digits !== null && (option.phoneDigits ?? "").includes(digits.replace(/^00/, ""));
}

export function Combobox({
  options,
  value,
  onChange,
  placeholder = "Choose…",
  id,
  label,
}: {
  options: ComboOption[];
  value: string | null;
  onChange: (value: string) => void;
  placeholder?: string;
  id?: string;
  /** Accessible name when no <label> points at it. */
  label?: string;
}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const digits = phoneSearchDigits(q);
    return (q ? options.filter((o) => matches(o, q, digits)) : options).slice(0, 50);
  }, [options, query]);
  const current = options.find((o) => o.value === value);
  const pick = (option: ComboOption | undefined) => {
    if (!option) return;
    onChange(option.value);
    setOpen(false);
    setQuery("");
  };
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button type="button" id={id} aria-label={label} className={cn(controlClass, "text-left")}>
          {current ? current.label : <span className="text-slate-600">{placeholder}</span>}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          // Radix gives the popover role="dialog": a dialog needs a name (axe aria-dialog-name).
          aria-label={label ?? "Choose from the list"}
          align="start"
          sideOffset={4}
          className="z-50 w-[var(--radix-popover-trigger-width)] min-w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          <input
            autoFocus
            role="combobox"
            aria-expanded
            aria-controls={listId}
            aria-label="Search"
            aria-activedescendant={shown[active] ? `${listId}-${active}` : undefined}
            className={cn(controlClass, "mb-1")}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") setActive((i) => Math.min(i + 1, shown.length - 1));
              else if (e.key === "ArrowUp") setActive((i) => Math.max(i - 1, 0));
              else if (e.key === "Enter") {
                e.preventDefault();
                pick(shown[active]);
              } else return;
              e.preventDefault();
            }}
          />
          <ul id={listId} role="listbox" className="max-h-64 overflow-y-auto">
            {shown.length === 0 ? <li className="px-2 py-1.5 text-sm text-slate-600">No match</li> : null}
            {shown.map((o, i) => (
              <li
                key={o.value}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={o.value === value}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(o)}
                className={cn(
                  "cursor-pointer rounded px-2 py-1.5 text-sm max-sm:py-3",
                  i === active ? "bg-slate-100" : "",
                  o.value === value ? "font-medium" : "",
                )}
              >
                {o.label}
                {o.hint ? <span className="ml-2 text-xs text-slate-600">{o.hint}</span> : null}
              </li>
            ))}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
