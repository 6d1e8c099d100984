/** The inspector: a form for the selected step, workflow or job (issue 4). */
export { Inspector, InspectorToggle } from './Inspector'
export { useInspectorVisible } from './visibility'
