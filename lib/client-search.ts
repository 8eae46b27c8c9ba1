// The phone part of a client search, for the Prisma searches (the clients screen, the booking
// form's picker, `clients:list`): a text that looks like a phone number also matches the stored
// E.164 (lib/phone.ts `phoneSearchOf`), so "07700 900457", "+44 7700 900457" and "07700-900-457"
// find the same client; names, emails and ids match as before.
import type { Db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { phoneCountryOf, phoneSearchOf, type CountryCode } from "@/lib/phone";

/** The business's phone country, read through Prisma (null before the settings row exists). */
export async function businessPhoneCountry(db: Db): Promise<CountryCode | null> {
  const row = await db.setting.findUnique({
    where: { id: 1 },
    select: { phoneCountry: true, timeZone: true },
  });
  return row ? phoneCountryOf(row) : null;
}

/** Conditions to OR into a client search: none when `search` is no phone number. */
export function phoneConditions(search: string, country: string | null): Prisma.ClientWhereInput[] {
  const phone = phoneSearchOf(search, country);
  if (!phone) return [];
  // A number from its start (trunk 0 or country code), or any run of at least 6 of its digits.
  return [{ phoneE164: { startsWith: phone.prefix } }, { phoneE164: { contains: phone.digits } }];
}
