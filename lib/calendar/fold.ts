// RFC 5545 line folding, byte for byte as ical-generator's `foldLines` does it (a content line
// longer than 75 octets continues on the next line after CRLF and a space). ical-generator 10,
// the newest release that supports Node 20, counts each character's bytes with a new
// TextEncoder, which made folding 80% of the cost of rendering a feed; this counts them from
// the code point. tests/calendar-fold.test.ts checks it against the library on any text.

/** UTF-8 length of one character (a surrogate pair counts as one 4-byte character). */
function utf8Length(char: string): number {
  const code = char.charCodeAt(0);
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (char.length === 2) {
    const low = char.charCodeAt(1);
    // A high surrogate with its low half is one 4-byte character; anything else is encoded
    // piecewise, a lone surrogate as U+FFFD (3 bytes), like TextEncoder does.
    if (code >= 0xd800 && code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) return 4;
    return 3 + utf8Length(char.charAt(1));
  }
  return 3;
}

function foldLine(line: string): string {
  // ASCII only (every line of a booking's event in practice): one byte per character.
  if (!/[^\x00-\x7f]/.test(line)) {
    if (line.length <= 74) return line;
    const parts: string[] = [];
    for (let i = 0; i < line.length; i += 74) parts.push(line.slice(i, i + 74));
    return parts.join("\r\n ");
  }
  let out = "";
  let bytes = 0;
  for (let i = 0; i < line.length; i++) {
    let char = line.charAt(i);
    if (char >= "\ud800" && char <= "\udbff") char += line.charAt(++i);
    const size = utf8Length(char);
    bytes += size;
    if (bytes > 74) {
      out += "\r\n ";
      bytes = size;
    }
    out += char;
  }
  return out;
}

/** Folds every CRLF-separated line of `text` to at most 75 octets. */
export function foldLines(text: string): string {
  return text.split("\r\n").map(foldLine).join("\r\n");
}
