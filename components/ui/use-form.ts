"use client";
// Form submission with the shared zod schema: validate in the browser first (same messages as
// the server), then send; a problem JSON answer's field errors land on the same fields.
import { useState } from "react";
import type { z } from "zod";
import { ApiError } from "@/lib/schedule/api-client";

export function useZodForm<S extends z.ZodType>(schema: S) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  async function submit(values: z.input<S>, send: (values: z.input<S>) => Promise<void>): Promise<boolean> {
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0] ?? "form")] ??= issue.message;
      setErrors(next);
      return false;
    }
    setErrors({});
    setPending(true);
    try {
      await send(values);
      return true;
    } catch (error) {
      if (error instanceof ApiError) setErrors({ form: error.message, ...error.fields });
      else setErrors({ form: String(error) });
      return false;
    } finally {
      setPending(false);
    }
  }
  return { errors, pending, submit, setErrors };
}

/** The form-level error line (what the server said when no single field is at fault). */
export function formMessage(errors: Record<string, string>): string | undefined {
  return errors.form;
}
