// Small word lists for believable customers; combined with a sequence number so emails stay unique.
import type { Rng } from "@/lib/stripe-fixtures/random";

const firstNames = [
  "Olivia",
  "Amelia",
  "Isla",
  "Ava",
  "Mia",
  "Ivy",
  "Lily",
  "Freya",
  "Grace",
  "Sophie",
  "Oliver",
  "George",
  "Noah",
  "Arthur",
  "Leo",
  "Harry",
  "Oscar",
  "Jack",
  "Theo",
  "Freddie",
  "Priya",
  "Aisha",
  "Chloe",
  "Hannah",
  "Zara",
  "Rohan",
  "Kwame",
  "Tomasz",
  "Sean",
  "Mateo",
] as const;

const lastNames = [
  "Smith",
  "Jones",
  "Taylor",
  "Brown",
  "Williams",
  "Wilson",
  "Davies",
  "Evans",
  "Thomas",
  "Roberts",
  "Walker",
  "Wright",
  "Thompson",
  "White",
  "Hughes",
  "Patel",
  "Khan",
  "Green",
  "Hall",
  "Wood",
  "Clarke",
  "Jackson",
  "Turner",
  "Hill",
  "Moore",
  "Cooper",
  "Ward",
  "Murphy",
  "Nowak",
  "Okafor",
] as const;

const dogNames = [
  "Biscuit",
  "Bella",
  "Luna",
  "Teddy",
  "Milo",
  "Poppy",
  "Alfie",
  "Daisy",
  "Bear",
  "Coco",
  "Bailey",
  "Rosie",
  "Max",
  "Willow",
  "Archie",
  "Hazel",
  "Pickle",
  "Maple",
  "Ziggy",
  "Bonnie",
] as const;

const cities = ["London", "Bristol", "Leeds", "Brighton", "Oxford", "Cambridge", "Bath", "York"] as const;

export interface Person {
  name: string;
  email: string;
  phone: string;
  city: string;
  dogName: string;
}

/** A believable customer; `seq` (unique per customer) keeps the email unique. */
export function person(rng: Rng, seq: number): Person {
  const first = rng.pick(firstNames);
  const last = rng.pick(lastNames);
  // Ofcom reserves 07700 900000–900999 for fiction: never a real person's number.
  const phone = `+44 7700 900${String(rng.int(0, 999)).padStart(3, "0")}`;
  return {
    name: `${first} ${last}`,
    email: `${first}.${last}.${seq}@example.com`.toLowerCase(),
    phone,
    city: rng.pick(cities),
    dogName: rng.pick(dogNames),
  };
}
