import { KNOWN_QUEUES } from './model'

/** The queue of a job that names none (Asynq's default). */
export const DEFAULT_QUEUE = 'default'

/** Queues in board order: the three known queues, then the others in order of first use. */
export function queueOrder(queues: Iterable<string>): string[] {
  const order: string[] = [...KNOWN_QUEUES]
  for (const queue of queues) if (!order.includes(queue)) order.push(queue)
  return order
}
