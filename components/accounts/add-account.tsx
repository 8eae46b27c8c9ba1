"use client";
// "Add an account" on the staff page: email, name, role and (for staff) the walker it signs in
// as. No password: the answer is a one-time set-password link, shown once (LinkReveal).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import { useZodForm } from "@/components/ui/use-form";
import { LinkReveal, type LinkJson } from "@/components/accounts/link-reveal";
import { accountFormSchema } from "@/lib/auth/set-password-form";
import { apiJson } from "@/lib/schedule/api-client";

interface Created {
  user: { email: string };
  link: LinkJson;
}

const blank = (staffId?: number) => ({
  email: "",
  name: "",
  role: "staff" as "staff" | "owner",
  staffId: staffId === undefined ? "" : String(staffId),
});

export function AddAccount({
  walkers,
  staffId,
  zone,
}: {
  walkers: { id: number; name: string }[];
  /** Preselects this walker (on a walker's own page). */
  staffId?: number;
  zone: string;
}) {
  const [open, setOpen] = useState(false);
  const [v, setV] = useState(blank(staffId));
  const [created, setCreated] = useState<Created>();
  const form = useZodForm(accountFormSchema);
  const router = useRouter();
  const toast = useToast();

  const values = () => ({
    email: v.email,
    name: v.name,
    role: v.role,
    staffId: v.role === "staff" && v.staffId !== "" ? Number(v.staffId) : null,
  });

  async function save() {
    const ok = await form.submit(values(), async (body) => {
      setCreated(await apiJson<Created>("/api/owner/users", { body }));
    });
    if (ok) {
      toast({ title: "Account added", description: `${v.email}: hand over the link to set a password.` });
      router.refresh();
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setCreated(undefined);
          setV(blank(staffId));
          form.setErrors({});
        }
      }}
      title={created ? "Set-password link" : "Add an account"}
      description={
        created ? undefined : "The person chooses their own password with a one-time link; no email is sent."
      }
      trigger={
        <Button size="sm" variant="primary">
          Add an account
        </Button>
      }
    >
      {created ? (
        <div className="space-y-4">
          <LinkReveal link={created.link} email={created.user.email} zone={zone} />
          <div className="flex justify-end">
            <DialogClose asChild>
              <Button>Done</Button>
            </DialogClose>
          </div>
        </div>
      ) : (
        <form
          className="space-y-3"
          noValidate
          aria-label="Add an account"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <FormError message={form.errors.form} />
          <Field label="Email" error={form.errors.email}>
            {(ids) => (
              <Input
                {...ids}
                type="email"
                autoComplete="off"
                value={v.email}
                onChange={(e) => setV({ ...v, email: e.target.value })}
              />
            )}
          </Field>
          <Field label="Name" hint="Optional; shown in lists" error={form.errors.name}>
            {(ids) => (
              <Input {...ids} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />
            )}
          </Field>
          <Field
            label="Role"
            hint="Staff see and change only their own visits; an owner sees and changes everything."
            error={form.errors.role}
          >
            {(ids) => (
              <Select
                {...ids}
                value={v.role}
                onChange={(e) => setV({ ...v, role: e.target.value as "staff" | "owner" })}
              >
                <option value="staff">Staff (a walker)</option>
                <option value="owner">Owner</option>
              </Select>
            )}
          </Field>
          {v.role === "staff" ? (
            <Field
              label="Signs in as walker"
              hint="Without a walker the account sees no visits."
              error={form.errors.staffId}
            >
              {(ids) => (
                <Select {...ids} value={v.staffId} onChange={(e) => setV({ ...v, staffId: e.target.value })}>
                  <option value="">No walker yet</option>
                  {walkers.map((walker) => (
                    <option key={walker.id} value={String(walker.id)}>
                      {walker.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          ) : null}
          <div className="flex justify-end gap-2 pt-1">
            <DialogClose asChild>
              <Button>Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="primary" disabled={form.pending}>
              Add and make a link
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
