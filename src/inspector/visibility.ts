import { designerStore, panelOpen, useDesigner } from '../store/designer'

/**
 * Whether the inspector panel is shown: toggled from the toolbar, the panel's
 * own Hide button and the "Open in inspector" action. The panel's state lives
 * with the other panels' in the store's view (remembered, collapsed on a
 * narrow window); this keeps the interface the callers use.
 */
export const useInspectorVisibility = {
  getState: () => ({
    visible: panelOpen(designerStore().getState().view, 'inspector'),
    setVisible: (visible: boolean) => designerStore().getState().setPanel('inspector', { open: visible }),
  }),
}

export const useInspectorVisible = (): boolean => useDesigner((state) => panelOpen(state.view, 'inspector'))
