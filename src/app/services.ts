/** What the app shell passes to the command layer: the inspector panel, the regions, the help sheet and canvas search. */
import { useEffect } from 'react'
import { provideServices } from '../actions/services'
import { focusInspector, useInspectorVisibility } from '../inspector'
import { openCanvasSearch } from './CanvasSearch'
import { openHelpSheet } from './HelpSheet'
import { cycleRegion } from './regions'

export function useAppServices(): void {
  useEffect(
    () =>
      provideServices({
        inspector: {
          visible: () => useInspectorVisibility.getState().visible,
          setVisible: (visible) => useInspectorVisibility.getState().setVisible(visible),
          focus: focusInspector,
        },
        cycleRegion,
        openHelp: openHelpSheet,
        openCanvasSearch,
      }),
    [],
  )
}
