// The one way text reaches an iCalendar feed or export (RFC 5545 §3.3.11 TEXT). Customer and
// product names come from Stripe and labels are typed by staff: a CR or LF written raw into a
// property ends the line, so the next line would be read as new properties or whole events.
// Every property carrying such text (calendar name, summary, description, …) is written by
// `textProperty`; the rendered-event cache stores its output, so cached events are the same.
import { foldLines } from "@/lib/calendar/fold";

// C0 controls except HTAB and LF (CR was turned into LF before), DEL and the C1 controls:
// RFC 5545 forbids CONTROL in TEXT, and C1 controls mean nothing to a calendar either.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// A lone UTF-16 surrogate cannot be written as UTF-8; the response would carry U+FFFD for it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * What a TEXT value may say: line breaks (CRLF, CR, LF) become LF, other control characters are
 * removed, lone surrogates become U+FFFD. Idempotent.
 */
export function icsText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(CONTROLS, "").replace(LONE_SURROGATE, "\uFFFD");
}

/** RFC 5545 TEXT escaping of `icsText(value)`: backslash, semicolon, comma, and LF as `\n`. */
export function escapeIcsText(value: string): string {
  return icsText(value)
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\n/g, "\\n");
}

/** One content line `NAME:escaped value`, folded to 75 octets, ending in CRLF: never more than one property. */
export function textProperty(name: string, value: string): string {
  if (!/^[A-Z][A-Z0-9-]*$/.test(name)) throw new Error(`not a property name: ${name}`);
  return `${foldLines(`${name}:${escapeIcsText(value)}`)}\r\n`;
}
