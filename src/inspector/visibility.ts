import { create } from 'zustand'

/** Whether the inspector panel is shown: toggled from the toolbar and the panel's own Hide button. */
export const useInspectorVisibility = create<{ visible: boolean; setVisible(visible: boolean): void }>()((set) => ({
  visible: true,
  setVisible: (visible) => set({ visible }),
}))

export const useInspectorVisible = (): boolean => useInspectorVisibility((state) => state.visible)
