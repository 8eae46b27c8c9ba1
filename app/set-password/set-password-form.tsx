"use client";
// The new password twice, checked with the schema the route parses (the server adds the
// common-password list); on success the session cookie is set and the home page opens.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useZodForm } from "@/components/ui/use-form";
import { MIN_PASSWORD_LENGTH, setPasswordFormSchema } from "@/lib/auth/set-password-form";
import { apiJson } from "@/lib/schedule/api-client";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const form = useZodForm(setPasswordFormSchema);
  const [v, setV] = useState({ password: "", confirm: "" });
  return (
    <form
      className="space-y-4"
      noValidate
      aria-label="Choose your password"
      onSubmit={(event) => {
        event.preventDefault();
        void form
          .submit({ token, ...v }, async (body) => {
            await apiJson("/api/set-password", { body });
          })
          .then((ok) => {
            // A full load (the navigation shows the signed-in account), replacing the spent link.
            if (ok) window.location.replace(new URL("/", window.location.href).href);
            else setV({ password: "", confirm: "" });
          });
      }}
    >
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormError message={form.errors.form ?? form.errors.token} />
      <Field
        label="New password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters; not a common password. Three unrelated words work well.`}
        error={form.errors.password}
      >
        {(ids) => (
          <Input
            {...ids}
            type="password"
            autoComplete="new-password"
            value={v.password}
            onChange={(e) => setV({ ...v, password: e.target.value })}
          />
        )}
      </Field>
      <Field label="The same password again" error={form.errors.confirm}>
        {(ids) => (
          <Input
            {...ids}
            type="password"
            autoComplete="new-password"
            value={v.confirm}
            onChange={(e) => setV({ ...v, confirm: e.target.value })}
          />
        )}
      </Field>
      <Button type="submit" variant="primary" disabled={form.pending} className="w-full justify-center">
        Set password and sign in
      </Button>
    </form>
  );
}
