# The .cai workflow and job grammar (spec section 2), one declaration at a time:
# the splitter (src/language/split.ts) cuts the file into top-level chunks and
# each `workflow` / `job` chunk is parsed on its own.
#
# The grammar is unambiguous (every accepted declaration has exactly one parse)
# Lists are left recursive (never right recursive: nearley has no Leo
# optimisation) and append in place, where EBNF's `:*` would copy the list at
# every item (quadratic on a 10,000-step workflow).
# Postprocessors only build model nodes; comments are attached afterwards.

@preprocessor typescript

@{%
import { lexer } from '../lexer'
import * as build from '../build'
%}

@lexer lexer

declaration -> workflow {% build.first %}
             | job {% build.first %}

workflow -> %kw_workflow %ident %lbrace trigger timeout:? steps retry:? %rbrace {% build.workflow %}

trigger -> %kw_trigger triggerType {% build.trigger %}

triggerType -> %kw_event %string
             | %kw_schedule %string
             | %kw_manual

timeout -> %kw_timeout %string {% build.stringProp %}

steps -> %kw_steps %lbrace stepItems %rbrace {% build.steps %}

stepItems -> null {% build.emptyList %}
           | stepItems stepItem {% build.append %}

stepItem -> step {% build.first %}
          | parallel {% build.first %}

parallel -> %kw_parallel %lbrace branches %rbrace {% build.parallel %}

branches -> null {% build.emptyList %}
          | branches step {% build.append %}

step -> %ident %lbrace activity:? input:? condition:? %rbrace {% build.step %}

activity -> %kw_activity %string {% build.stringProp %}

input -> %kw_input %lbrace inputEntries %rbrace {% build.input %}

inputEntries -> null {% build.emptyList %}
              | inputEntries inputEntry {% build.append %}

inputEntry -> %ident %colon %string {% build.inputEntry %}

condition -> %kw_if %string {% build.stringProp %}

retry -> %kw_retry %lbrace maxAttempts:? initialInterval:? backoffMultiplier:? %rbrace {% build.retry %}

maxAttempts -> %kw_max_attempts %integer {% build.numberProp %}

initialInterval -> %kw_initial_interval %string {% build.stringProp %}

backoffMultiplier -> %kw_backoff_multiplier %float {% build.numberProp %}

job -> %kw_job %ident %lbrace schedule:? task queue:? retry:? %rbrace {% build.job %}

schedule -> %kw_schedule %string {% build.stringProp %}

task -> %kw_task %string {% build.stringProp %}

queue -> %kw_queue %string {% build.stringProp %}
