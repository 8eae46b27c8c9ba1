// zod issues as sentences a person reads: the field named, the expected format given by example
// ("`query.from` must be a date-time like 2026-12-07T09:00:00Z"), never the library's wording
// ("expected number, received NaN"). The one place /api/v1 words validation errors.
import type { z } from "zod";
import type { FieldError } from "@/lib/api/v1/problems";

export const EXAMPLES = {
  datetime: "a date-time like 2026-12-07T09:00:00Z",
  date: "a date like 2026-12-07",
} as const;

const formats: Record<string, string> = {
  ...EXAMPLES,
  email: "an email address like alex@example.com",
  url: "a URL like https://example.com",
  uuid: "a UUID",
};

const typeNames: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "text",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  null: "null",
};

const showValue = (value: unknown) => (typeof value === "string" ? `"${value}"` : String(value));

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  const inner = path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i ? "." : ""}${String(part)}`))
    .join("");
  if (!prefix) return inner;
  return inner ? `${prefix}.${inner}` : prefix;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** What the field should be, for one issue (without the field's name). */
function expectation(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case "invalid_type": {
      if (valueAt(input, issue.path) === undefined) return "is required";
      return `must be ${typeNames[issue.expected] ?? issue.expected}`;
    }
    case "invalid_format":
      // A pattern's own message (set where the schema is declared) says what it wants.
      if (issue.format === "regex") return issue.message;
      return `must be ${formats[issue.format] ?? `in the ${issue.format} format`}`;
    case "invalid_union": {
      // Alternatives of formats (a date or a date-time): name each one.
      const options = issue.errors
        .map((alternative) => alternative[0])
        .flatMap((first) =>
          first?.code === "invalid_format" && formats[first.format] ? [formats[first.format]] : [],
        );
      return options.length === issue.errors.length && options.length > 0
        ? `must be ${options.join(" or ")}`
        : "has an unexpected value";
    }
    case "invalid_value":
      return `must be one of ${issue.values.map(showValue).join(", ")}`;
    case "too_small": {
      const at = issue.inclusive ? "at least" : "more than";
      if (issue.origin === "string")
        return Number(issue.minimum) === 1
          ? "must not be empty"
          : `must have ${at} ${issue.minimum} characters`;
      if (issue.origin === "array") return `must have ${at} ${issue.minimum} items`;
      return `must be ${at} ${issue.minimum}`;
    }
    case "too_big": {
      const at = issue.inclusive ? "at most" : "less than";
      if (issue.origin === "string") return `must have ${at} ${issue.maximum} characters`;
      if (issue.origin === "array") return `must have ${at} ${issue.maximum} items`;
      return `must be ${at} ${issue.maximum}`;
    }
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    default:
      // Our own refinements (custom) already speak plainly.
      return issue.message;
  }
}

/** Each issue as `{ path, message }`, unknown fields one entry each. */
export function plainIssues(error: z.ZodError, input: unknown, prefix = ""): FieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: joinPath(prefix, [...issue.path, key]),
        message: "is not a known field",
      }));
    }
    return [{ path: joinPath(prefix, issue.path), message: expectation(issue, input) }];
  });
}

/** One sentence naming every field at fault: "`query.from` must be …; `body.title` is required." */
export function describeErrors(errors: FieldError[]): string {
  const shown = errors.slice(0, 5).map((e) => (e.path ? `\`${e.path}\` ${e.message}` : e.message));
  const more = errors.length > 5 ? `; and ${errors.length - 5} more (see \`errors\`)` : "";
  return `${shown.join("; ")}${more}.`;
}
