import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import defaultText from '../examples/09-workflows/with_workflows.cai?raw'
import { initDesignerStore } from './store/designer'
import { installTestHooks } from './app/test-hooks'
import { App } from './app/App'
import './app/app.css'

const store = initDesignerStore(defaultText, 'with_workflows.cai')
installTestHooks(store)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
