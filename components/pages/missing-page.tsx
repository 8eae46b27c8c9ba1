// What a 404 shows (app/not-found.tsx and each section's not-found.tsx): what is missing, why it
// may be, and the list to go back to.
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export function MissingPage({
  title,
  reason,
  back,
}: {
  title: string;
  reason: string;
  back: { href: string; label: string };
}) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState
        title="Nothing here"
        action={
          <Link href={back.href} className={buttonClass("secondary")}>
            {back.label}
          </Link>
        }
      >
        {reason}
      </EmptyState>
    </>
  );
}
