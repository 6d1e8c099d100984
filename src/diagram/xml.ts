/**
 * Text made safe for XML. Everything a file holds is untrusted: it is
 * escaped, and characters XML 1.0 cannot hold at all (C0 controls other than
 * tab, line feed and carriage return; U+FFFE, U+FFFF; lone surrogates) are
 * replaced, so the SVG always parses: a C0 control by its visible symbol
 * from Unicode's Control Pictures block (U+0000 shows as ␀), the others by
 * U+FFFD. A string that XML would reject can never break the picture.
 */

// C0 controls but tab, LF, CR; U+FFFE/U+FFFF; a high surrogate not followed by a low one; a low one not preceded by a high one.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** `text` with every character XML 1.0 cannot hold replaced by a visible stand-in. */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML, (c) => {
    const code = c.charCodeAt(0)
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : '\uFFFD'
  })
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Text for XML element content or a quoted attribute value. */
export function xmlEscape(text: string): string {
  return xmlChars(text)
    .replace(/[&<>"']/g, (c) => ENTITIES[c])
    // In an attribute, a raw line break or tab would be normalised to a space: keep them.
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`)
}
