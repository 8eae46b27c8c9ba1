// Stripe events → ingest items. Every event type that carries a mirrored object is handled
// the same way (the object's state at the event's time); the type only says whether the
// object is gone. Types without a mirrored object are stored and ignored.
import type { IngestItem } from "@/lib/stripe/ingest";
import { mirroredKinds, type MirroredKind } from "@/lib/stripe/schemas";

/** Event types whose object no longer exists in Stripe afterwards. */
const deletionTypes = new Set([
  "customer.deleted",
  "product.deleted",
  "price.deleted",
  "invoice.deleted",
  "invoiceitem.deleted",
]);

export interface EventLike {
  id: string;
  type: string;
  created: number;
  data: { object: unknown };
}

const kinds: ReadonlySet<string> = new Set(mirroredKinds);

/** The mirrored type of an event's object, or null (a plain check: it runs for every event). */
export function eventObjectKind(object: unknown): MirroredKind | null {
  const name = (object as { object?: unknown } | null)?.object;
  return typeof name === "string" && kinds.has(name) ? (name as MirroredKind) : null;
}

/** The object an event carries, as of the event's time; null when we do not mirror it. */
export function eventToIngestItem(event: EventLike): IngestItem | null {
  if (!eventObjectKind(event.data.object)) return null;
  return {
    object: event.data.object,
    sourceAt: new Date(event.created * 1000),
    deleted: deletionTypes.has(event.type),
  };
}
