import { KNOWN_QUEUES, type Job } from './model'

/** The queue of a job that names none (Asynq's default). */
export const DEFAULT_QUEUE = 'default'

/** The queue CodeAI puts a job on: its own, or `default` when it names none or an empty one (`queue ""`). */
export function queueOf(job: Pick<Job, 'queue'>): string {
  return job.queue?.value || DEFAULT_QUEUE
}

/** Queues in board order: the three known queues, then the others in order of first use. */
export function queueOrder(queues: Iterable<string>): string[] {
  const order: string[] = [...KNOWN_QUEUES]
  for (const queue of queues) if (!order.includes(queue)) order.push(queue)
  return order
}
