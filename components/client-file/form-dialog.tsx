"use client";
// A dialog with a form of text fields, validated in the browser with the server's own zod schema
// (the same messages), then sent; the server's field errors land on the same fields.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Textarea } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import { useZodForm } from "@/components/ui/use-form";

export type Values = Record<string, string>;
export type FieldSpec = {
  name: string;
  label: string;
  hint?: string;
  long?: boolean;
  type?: string;
  autoComplete?: string;
};

/** A dialog with a form of text fields, checked by `schema` before `send`. */
export function FormDialog({
  title,
  description,
  trigger,
  fields,
  initial,
  schema,
  send,
  done,
  extra,
}: {
  title: string;
  description?: string;
  trigger: React.ReactNode;
  fields: FieldSpec[];
  initial: Values;
  schema: z.ZodType;
  send: (values: Values) => Promise<unknown>;
  done: string;
  extra?: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>(initial);
  const form = useZodForm(schema);
  const router = useRouter();
  const toast = useToast();
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setValues(initial);
          form.setErrors({});
        }
      }}
      trigger={trigger}
      title={title}
      description={description}
    >
      <form
        noValidate
        className="space-y-3"
        aria-label={title}
        onSubmit={(event) => {
          event.preventDefault();
          void form
            .submit(values, async (checked) => {
              await send(checked as Values);
            })
            .then((ok) => {
              if (!ok) return;
              setOpen(false);
              toast({ title: done });
              router.refresh();
            });
        }}
      >
        <FormError message={form.errors.form} />
        {fields.map((spec) => (
          <Field key={spec.name} label={spec.label} hint={spec.hint} error={form.errors[spec.name]}>
            {(ids) =>
              spec.long ? (
                <Textarea
                  {...ids}
                  value={values[spec.name] ?? ""}
                  onChange={(e) => setValues({ ...values, [spec.name]: e.target.value })}
                />
              ) : (
                <Input
                  {...ids}
                  type={spec.type ?? "text"}
                  autoComplete={spec.autoComplete ?? "off"}
                  value={values[spec.name] ?? ""}
                  onChange={(e) => setValues({ ...values, [spec.name]: e.target.value })}
                />
              )
            }
          </Field>
        ))}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="primary" disabled={form.pending}>
            {form.pending ? "Saving…" : "Save"}
          </Button>
          {extra}
        </div>
      </form>
    </Dialog>
  );
}

export const text = (value: string | null | undefined) => value ?? "";
