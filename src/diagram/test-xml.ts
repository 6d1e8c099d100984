/**
 * A strict XML 1.0 well-formedness check for the tests (Node has no XML
 * parser): legal characters only, properly nested elements, one root, quoted
 * attributes without `<` or a bare `&`, no duplicate attribute, known entity
 * references and character references to legal characters. Returns the
 * problems found, none for a well-formed document.
 */
const LEGAL = (code: number) =>
  code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)

const NAME = /^[A-Za-z_:][\w.:-]*$/
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/y

function checkText(text: string, where: string, problems: string[]): void {
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '<') problems.push(`"<" in ${where}`)
    if (c !== '&') continue
    REFERENCE.lastIndex = i
    const match = REFERENCE.exec(text)
    if (!match) {
      problems.push(`bare "&" in ${where}`)
      continue
    }
    const code = match[2] ? Number(match[2]) : match[3] ? parseInt(match[3], 16) : undefined
    if (code !== undefined && !LEGAL(code)) problems.push(`reference to illegal character ${code} in ${where}`)
  }
}

export function xmlProblems(xml: string): string[] {
  const problems: string[] = []
  for (const c of xml) {
    const code = c.codePointAt(0)!
    if (!LEGAL(code) || (code >= 0xd800 && code <= 0xdfff)) problems.push(`illegal character U+${code.toString(16).padStart(4, '0')}`)
  }
  const stack: string[] = []
  let roots = 0
  let i = 0
  while (i < xml.length) {
    const open = xml.indexOf('<', i)
    const textPart = xml.slice(i, open < 0 ? xml.length : open)
    if (stack.length === 0 && textPart.trim() !== '') problems.push('text outside the root element')
    checkText(textPart, 'text', problems)
    if (open < 0) break
    if (xml.startsWith('<!--', open)) {
      const end = xml.indexOf('-->', open + 4)
      if (end < 0) return [...problems, 'unclosed comment']
      i = end + 3
      continue
    }
    if (xml.startsWith('<?', open)) {
      const end = xml.indexOf('?>', open)
      if (end < 0) return [...problems, 'unclosed declaration']
      i = end + 2
      continue
    }
    const tag = /^<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(xml.slice(open))
    if (!tag) return [...problems, `malformed tag at ${open}: ${xml.slice(open, open + 40)}`]
    const [whole, closing, name, attributes, selfClosing] = tag
    if (!NAME.test(name)) problems.push(`bad element name ${name}`)
    if (closing) {
      if (stack.pop() !== name) problems.push(`mismatched </${name}>`)
    } else {
      if (stack.length === 0) roots++
      const seen = new Set<string>()
      for (const attribute of attributes.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (seen.has(attribute[1])) problems.push(`duplicate attribute ${attribute[1]}`)
        seen.add(attribute[1])
        checkText(attribute[2] ?? attribute[3], `attribute ${attribute[1]}`, problems)
      }
      if (!selfClosing) stack.push(name)
    }
    i = open + whole.length
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.join('>, <')}>`)
  if (roots !== 1) problems.push(`${roots} root elements`)
  return problems
}
