"use client";
// A feed's subscribe links right after it is created or rotated. The owner can show them again
// later (Show link): the token is kept sealed.
import { FeedLinkBody, type FeedLinkJson } from "@/components/schedule/feed-link-body";

export interface Issued extends FeedLinkJson {
  title: string;
}

export function IssuedLink({ issued }: { issued: Issued }) {
  return (
    <section
      aria-label="Subscribe links"
      className="space-y-3 rounded-lg border border-emerald-200 bg-emerald-50 p-4"
      data-testid="issued-link"
    >
      <div>
        <h2 className="font-medium text-emerald-950">{issued.title}</h2>
        <p className="text-sm text-emerald-900">
          Anyone with the link can read this calendar; rotate it if it leaks. You can show it again later with
          Show link.
        </p>
      </div>
      <FeedLinkBody link={issued} />
    </section>
  );
}
