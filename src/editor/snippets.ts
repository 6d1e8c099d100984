/**
 * The editor's snippets, in Monaco snippet syntax and the printer's canonical
 * layout (tab indentation; Monaco re-indents them to the line they are
 * inserted on). Pure data.
 */

export const WORKFLOW_SNIPPET = [
  'workflow ${1:name} {',
  '\ttrigger ${2:manual}',
  '',
  '\tsteps {',
  '\t\t${3:first_step} {',
  '\t\t\tactivity "${4:domain.action}"',
  '\t\t}',
  '\t}',
  '}',
].join('\n')

export const JOB_SNIPPET = [
  'job ${1:name} {',
  '\tschedule "${2:0 * * * *}"',
  '\ttask "${3:domain.task}"',
  '\tqueue "${4:default}"',
  '}',
].join('\n')

export function stepSnippet(name?: string): string {
  return [name ?? '${1:step_name}', ' {\n\tactivity "${2:domain.action}"\n}'].join('')
}

export const PARALLEL_SNIPPET = [
  'parallel {',
  '\t${1:first_branch} {',
  '\t\tactivity "${2:domain.action}"',
  '\t}',
  '\t${3:second_branch} {',
  '\t\tactivity "${4:domain.action}"',
  '\t}',
  '}',
].join('\n')

export const RETRY_SNIPPET = ['retry {', '\tmax_attempts ${1:3}', '\tinitial_interval "${2:10s}"', '\tbackoff_multiplier ${3:2.0}', '}'].join('\n')

/** What each keyword inserts when chosen from the suggestions. */
export const KEYWORD_SNIPPETS: Readonly<Record<string, string>> = {
  trigger: 'trigger ',
  timeout: 'timeout "${1:30m}"',
  steps: 'steps {\n\t$0\n}',
  retry: RETRY_SNIPPET,
  activity: 'activity "$1"',
  input: 'input {\n\t${1:key}: "${2:workflow.input.key}"\n}',
  if: 'if "${1:steps.}"',
  max_attempts: 'max_attempts ${1:3}',
  initial_interval: 'initial_interval "${1:10s}"',
  backoff_multiplier: 'backoff_multiplier ${1:2.0}',
  schedule: 'schedule "${1:0 * * * *}"',
  task: 'task "$1"',
  queue: 'queue "$1"',
  event: 'event "${1:domain.event}"',
  manual: 'manual',
  parallel: PARALLEL_SNIPPET,
}

/** Keywords after which the editor asks for suggestions again (trigger types, names already used). */
export const SUGGEST_AFTER = new Set(['trigger', 'activity', 'task', 'queue'])
