/** The review: a semantic diff of two versions of a .cai document, and its descriptions. Pure TypeScript. */
export type { Change, ChangeKind, DocumentDiff, FieldChange, Place } from './changes'
export { diffDocuments, RENAME_THRESHOLD, stepSimilarity, type DiffOptions, type Version } from './diff'
export { changeGroup, describeChange, describePlace, diffAsMarkdown, diffAsText, summaryLine } from './describe'
export { reviewMarks } from './marks'
