/**
 * The bundled examples (examples/**\/*.cai), each loaded only when chosen.
 * Grouped by folder, in path order: the basics first.
 */
const loaders = import.meta.glob<string>('../../examples/**/*.cai', { query: '?raw', import: 'default' })

export interface Example {
  /** The file name, e.g. `minimal.cai`. */
  name: string
  /** Its folder under examples/, e.g. `01-basics`. */
  group: string
  load: () => Promise<string>
}

export const EXAMPLES: Example[] = Object.entries(loaders)
  .map(([path, load]) => {
    const parts = path.replace(/^.*\/examples\//, '').split('/')
    return { name: parts[parts.length - 1], group: parts.slice(0, -1).join('/') || 'examples', load }
  })
  .sort((a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name))

/** The examples by group, groups in order. */
export function exampleGroups(): [string, Example[]][] {
  const groups = new Map<string, Example[]>()
  for (const example of EXAMPLES) groups.set(example.group, [...(groups.get(example.group) ?? []), example])
  return [...groups]
}
