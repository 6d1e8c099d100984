/** The runtime model: CodeAI's runtime rules as a pure, deterministic dry run (spec section 6). */
export * from './calendar'
export * from './conditions'
export * from './profile'
export * from './scenario'
export * from './simulate'
export * from './summary'
export * from './trace'
export * from './warnings'
