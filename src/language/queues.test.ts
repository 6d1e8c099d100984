import { describe, expect, it } from 'vitest'
import { parse } from './parse'
import type { Job } from './model'
import { queueOf, queueOrder } from './queues'

const jobs = (text: string) => parse(text).doc.items.filter((item): item is Job => item.kind === 'job')

describe('the queue CodeAI puts a job on', () => {
  it('is its own queue, or default when it names none or an empty one (queue "")', () => {
    const [named, none, empty] = jobs('job a {\n\ttask "t"\n\tqueue "critical"\n}\njob b {\n\ttask "t"\n}\njob c {\n\ttask "t"\n\tqueue ""\n}\n')
    expect([queueOf(named), queueOf(none), queueOf(empty)]).toEqual(['critical', 'default', 'default'])
  })

  it('orders lanes as the seed example\'s three queues, then the others by first use', () => {
    expect(queueOrder(['reports', 'default', 'low_priority', 'reports'])).toEqual(['critical', 'default', 'low_priority', 'reports'])
  })
})
