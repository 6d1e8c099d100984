import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import defaultText from '../examples/09-workflows/with_workflows.cai?raw'
import { initDesignerStore } from './store/designer'
import { installTestHooks } from './app/test-hooks'
import { App } from './app/App'
import { prepareStart } from './files/start'
import { warmParseWorker } from './workers/parse-client'
import './app/app.css'

// The saved document (or a share link) decides what the page starts with.
const start = await prepareStart({ text: defaultText, name: 'with_workflows.cai' })
const store = initDesignerStore(start.text, start.name)
start.start(store)
installTestHooks(store)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
// Once the page is idle: opening a big file then finds its parser ready.
warmParseWorker()
