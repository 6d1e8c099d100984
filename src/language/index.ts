export * from './model'
export * from './parse'
export * from './print'
export * from './strip'
