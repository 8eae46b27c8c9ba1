// The sample business's client files (lib/demo.ts writes them in its load transaction): made-up
// street addresses, a dog (the customer's `metadata.dog_name`) and now and then a cat, care notes,
// emergency contacts and access notes, so the product shows a walker's day out of the box. Pure:
// the same customers always give the same files. Every phone number is in Ofcom's drama range.
import { overrideJson } from "@/lib/clients/address";
import { sealAccess, type AccessNotes } from "@/lib/clients/access";

interface DemoCustomer {
  id: string;
  name?: string | null;
  metadata?: Record<string, string> | null;
  address?: { city?: string | null } | null;
}

export interface DemoProfileRow {
  clientStripeId: string;
  addressOverride: string | null;
  accessSealed: string | null;
  emergencyName: string | null;
  emergencyPhone: string | null;
  emergencyNote: string | null;
}

export interface DemoPetRow {
  clientStripeId: string;
  name: string;
  breed: string | null;
  careNotes: string | null;
  vet: string | null;
  sortOrder: number;
}

const STREETS = [
  "Oak Road",
  "Mill Lane",
  "Church Street",
  "Victoria Road",
  "Park Avenue",
  "Station Road",
  "The Crescent",
  "Elm Grove",
];
const POSTCODES: Record<string, string> = {
  London: "N1 7AA",
  Bristol: "BS6 5AA",
  Leeds: "LS6 2AB",
  Brighton: "BN1 3AA",
  Oxford: "OX2 6AA",
  Cambridge: "CB4 1AA",
  Bath: "BA1 2AA",
  York: "YO31 7AA",
};
const BREEDS = [
  "Cocker Spaniel",
  "Labrador",
  "Border Collie",
  "Cockapoo",
  "Whippet",
  "Jack Russell",
  "Golden Retriever",
  "Dachshund",
];
const CARE = [
  "Half a scoop of dry food at lunchtime. Pulls on the lead near other dogs.",
  "Allergy tablet with a treat at midday. Friendly with everyone.",
  "No treats (on a diet). Nervous of bikes; keep on the lead by the road.",
  "Water bowl refilled every visit. Loves the ball; recall is good in the park.",
  "Eye drops twice a day (in the kitchen drawer). Gentle, older dog: short walks.",
];
const VETS = [
  "Riverside Vets, 0113 496 0123",
  "Park Lane Veterinary, 0117 496 0456",
  "Hillside Animal Clinic, 020 7946 0789",
];
const EMERGENCY = [
  "Jo (neighbour, has a spare key)",
  "Sam (sister)",
  "Chris (partner)",
  "Pat (next door at no. 14)",
];

/** The files of the demo customers; access notes only when a sealing key is given. */
export function demoClientFiles(
  customers: DemoCustomer[],
  key?: Buffer,
): { profiles: DemoProfileRow[]; pets: DemoPetRow[] } {
  const profiles: DemoProfileRow[] = [];
  const pets: DemoPetRow[] = [];
  customers.forEach((customer, i) => {
    const city = customer.address?.city ?? "London";
    // Every fifth keeps Stripe's own (city-only) address, to show both sources.
    const address =
      i % 5 === 4
        ? null
        : overrideJson({
            line1: `${10 + ((i * 7) % 80)} ${STREETS[i % STREETS.length]}`,
            line2: i % 3 === 0 ? `Flat ${1 + (i % 6)}` : null,
            city,
            postalCode: POSTCODES[city] ?? null,
            state: null,
            country: "GB",
          });
    const notes: AccessNotes = {
      keyLocation: i % 2 === 0 ? "Key safe left of the front door" : "Spare key with the neighbour at no. 12",
      lockboxCode: i % 2 === 0 ? String(1000 + ((i * 379) % 9000)) : null,
      alarmCode: i % 3 === 0 ? `${String(1000 + ((i * 613) % 9000))}#` : null,
      parking: i % 4 === 0 ? "Permit zone: use the visitor permit on the hall table" : "Free on the street",
      other: null,
    };
    profiles.push({
      clientStripeId: customer.id,
      addressOverride: address,
      accessSealed: key && i % 3 !== 2 ? sealAccess(notes, key, customer.id) : null,
      emergencyName: i % 6 === 5 ? null : (EMERGENCY[i % EMERGENCY.length] ?? null),
      emergencyPhone: i % 6 === 5 ? null : `07700 900${String(100 + ((i * 37) % 900)).padStart(3, "0")}`,
      emergencyNote: null,
    });
    pets.push({
      clientStripeId: customer.id,
      name: customer.metadata?.dog_name ?? "Buddy",
      breed: BREEDS[i % BREEDS.length] ?? null,
      careNotes: CARE[i % CARE.length] ?? null,
      vet: VETS[i % VETS.length] ?? null,
      sortOrder: 0,
    });
    if (i % 7 === 3) {
      pets.push({
        clientStripeId: customer.id,
        name: "Mittens",
        breed: "Cat",
        careNotes: "Feed a pouch if the bowl is empty; she stays indoors.",
        vet: VETS[i % VETS.length] ?? null,
        sortOrder: 1,
      });
    }
  });
  return { profiles, pets };
}
