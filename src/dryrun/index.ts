export { DryRunPanel } from './DryRunPanel'
export { JobsCalendar } from './JobsCalendar'
