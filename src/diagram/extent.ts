import type { Box } from './layout'

/** The smallest box around the boxes added to it (a picture's bounds). */
export class Extent {
  minX = Infinity
  minY = Infinity
  maxX = -Infinity
  maxY = -Infinity

  add(box: Box): void {
    this.minX = Math.min(this.minX, box.x)
    this.minY = Math.min(this.minY, box.y)
    this.maxX = Math.max(this.maxX, box.x + box.width)
    this.maxY = Math.max(this.maxY, box.y + box.height)
  }

  box(): Box {
    return { x: this.minX, y: this.minY, width: this.maxX - this.minX, height: this.maxY - this.minY }
  }
}

/** The smallest box around `boxes`. */
export function extentOf(boxes: Iterable<Box>): Box {
  const extent = new Extent()
  for (const box of boxes) extent.add(box)
  return extent.box()
}
