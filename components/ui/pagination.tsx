// Server-side pagination links (keyset or offset; the page builds the hrefs).
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export function Pagination({
  prev,
  next,
  label,
}: {
  prev?: string | null;
  next?: string | null;
  label?: string;
}) {
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between gap-2 text-sm">
      {prev ? (
        <Link className={buttonClass("secondary", "sm")} href={prev} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      {label ? <span className="text-slate-600">{label}</span> : null}
      {next ? (
        <Link className={buttonClass("secondary", "sm")} href={next} rel="next">
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
