// Card and Stat: a bordered white surface, and a number card that may link to its list.
import Link from "next/link";
import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export function Card({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return <section className={cn("rounded-lg border border-slate-200 bg-white", className)} {...props} />;
}

export function CardHeader({ title, actions, id }: { title: ReactNode; actions?: ReactNode; id?: string }) {
  return (
    <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
      <h2 id={id} className="font-medium">
        {title}
      </h2>
      {actions}
    </div>
  );
}

export function Stat({ label, value, href }: { label: string; value: ReactNode; href?: string }) {
  const body = (
    <>
      <div className="text-xs tracking-wide text-slate-600 uppercase">{label}</div>
      <div className="text-2xl font-semibold">{value}</div>
    </>
  );
  const cls = "block rounded-lg border border-slate-200 bg-white px-4 py-3";
  return href ? (
    <Link href={href} className={cn(cls, "hover:border-indigo-300")}>
      {body}
    </Link>
  ) : (
    <div className={cls}>{body}</div>
  );
}
