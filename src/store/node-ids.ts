/** The node-id contract lives with the picture (src/diagram/ids.ts); the store and views use it from here. */
export * from '../diagram/ids'
