/** The Compare view (issue 10): a comparison of two versions, its chooser, and the page a review link opens. */
export { CompareChooser } from './CompareChooser'
export { default as CompareView } from './CompareView'
