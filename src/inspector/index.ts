/** The inspector: a form for the selected step, workflow or job (issue 4). */
export { focusInspector, Inspector, InspectorToggle } from './Inspector'
export { useInspectorVisibility, useInspectorVisible } from './visibility'
