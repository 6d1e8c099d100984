import { useStore } from 'zustand'
import { exampleGroups } from './examples'
import { ActionButton } from '../actions/ActionButton'
import { actionById, PAGE_TARGET } from '../actions/registry'
import { designerStore } from '../store/designer'
import { files, openDocument, openRecent, refreshRecent } from './documents'
import { canWriteFiles } from './file-access'
import { MenuButton, type MenuItem, type MenuSection } from './Menu'
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

/** A menu item that runs a registry action. */
function actionItem(id: string, title?: string): MenuItem {
  const action = actionById(id)
  return { key: id, label: action.label, title, onSelect: () => void action.run(designerStore(), PAGE_TARGET) }
}

const whenSaved = (savedAt: number) =>
  new Date(savedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** The toolbar's file actions: open, examples, recent, save, download, pictures and share links. */
export function FileActions() {
  const recent = useStore(files, (state) => state.recent)
  const saveLabel = canWriteFiles() ? 'Save to its file' : 'Save: this browser saves as a download'

  return (
    <div className="cai-toolbar-group" role="group" aria-label="File">
      <ActionButton id="new" label="New document">
        New
      </ActionButton>
      <ActionButton id="open-file" label="Open a .cai file (or drop one on the page)">
        Open
      </ActionButton>
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
      <ActionButton id="save" label={saveLabel}>
        Save
      </ActionButton>
      <ActionButton id="download" label="Download the text as a .cai file">
        Download
      </ActionButton>
      <MenuButton
        label="Export"
        title="The canvas as a picture, in the colours shown"
        sections={[
          {
            items: [actionItem('export-svg'), actionItem('export-png')],
          },
        ]}
      />
      <MenuButton
        label="Share"
        title="A link that carries the whole text (it never reaches a server)"
        sections={[
          {
            items: [
              actionItem('copy-share-link'),
              actionItem('copy-view-link', 'The picture alone, without the text: for documentation'),
            ],
          },
          {
            heading: 'Review',
            // The toolbar has no room left for a button of its own: every command fits one row at 1,440 px.
            items: [actionItem('compare', 'Compare the document with another version: the Compare view, and a review link from it')],
          },
        ]}
      />
    </div>
  )
}
