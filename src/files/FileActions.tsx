import { useStore } from 'zustand'
import { exampleGroups } from './examples'
import {
  copyShareLink,
  downloadDocument,
  exportImage,
  files,
  openDocument,
  openFromPicker,
  openRecent,
  refreshRecent,
  saveToFile,
} from './documents'
import { canWriteFiles } from './file-access'
import { MenuButton, type MenuSection } from './Menu'
import { notify } from './notices'

const GROUPS = exampleGroups()

const EXAMPLE_SECTIONS: MenuSection[] = GROUPS.map(([group, examples]) => ({
  heading: group,
  items: examples.map((example) => ({
    key: `${group}/${example.name}`,
    label: example.name,
    async onSelect() {
      try {
        await openDocument({ text: await example.load(), name: example.name })
      } catch (error) {
        notify('error', `The example could not be loaded: ${error instanceof Error ? error.message : String(error)}.`)
      }
    },
  })),
}))

const whenSaved = (savedAt: number) =>
  new Date(savedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** The toolbar's file actions: open, examples, recent, save, download, pictures and share links. */
export function FileActions() {
  const recent = useStore(files, (state) => state.recent)
  const saveTitle = canWriteFiles() ? 'Save to its file (Ctrl+S)' : 'Save: this browser saves as a download (Ctrl+S)'

  return (
    <div className="cai-toolbar-group" role="group" aria-label="File">
      <button type="button" onClick={() => void openFromPicker()} title="Open a .cai file (Ctrl+O), or drop one on the page">
        Open
      </button>
      <MenuButton label="Examples" title="Open a bundled example" sections={EXAMPLE_SECTIONS} />
      <MenuButton
        label="Recent"
        title="Documents kept in this browser"
        onOpen={() => void refreshRecent()}
        empty="No documents kept yet."
        sections={[
          {
            items: recent.map((entry) => ({
              key: entry.id,
              label: entry.name,
              title: `Saved ${whenSaved(entry.savedAt)}`,
              onSelect: () => void openRecent(entry.id),
            })),
          },
        ]}
      />
      <button type="button" onClick={() => void saveToFile()} title={saveTitle}>
        Save
      </button>
      <button type="button" onClick={downloadDocument} title="Download the text as a .cai file">
        Download
      </button>
      <MenuButton
        label="Export"
        title="The canvas as a picture, in the colours shown"
        sections={[
          {
            items: [
              { label: 'Export SVG', onSelect: () => void exportImage('svg') },
              { label: 'Export PNG', onSelect: () => void exportImage('png') },
            ],
          },
        ]}
      />
      <MenuButton
        label="Share"
        title="A link that carries the whole text (it never reaches a server)"
        sections={[
          {
            items: [
              { label: 'Copy share link', onSelect: () => void copyShareLink(false) },
              {
                label: 'Copy view-only link',
                title: 'The picture alone, without the text: for documentation',
                onSelect: () => void copyShareLink(true),
              },
            ],
          },
        ]}
      />
    </div>
  )
}
