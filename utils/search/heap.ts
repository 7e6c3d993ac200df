/** The best `limit` items, best first, without sorting every candidate (a bounded heap). */
export function topK<T>(items: readonly T[], limit: number, better: (a: T, b: T) => boolean): T[] {
  const order = (a: T, b: T) => (better(a, b) ? -1 : better(b, a) ? 1 : 0);
  if (items.length <= limit || !Number.isFinite(limit)) return [...items].sort(order).slice(0, limit);
  const k = Math.floor(limit);
  // Min-heap on "better": the root is the worst of the best k so far.
  const heap: T[] = [];
  const worse = (a: T, b: T) => better(b, a);
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i] as T, heap[parent] as T)) break;
        [heap[i], heap[parent]] = [heap[parent] as T, heap[i] as T];
        i = parent;
      }
    } else if (better(item, heap[0] as T)) {
      heap[0] = item;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < k && worse(heap[left] as T, heap[smallest] as T)) smallest = left;
        if (right < k && worse(heap[right] as T, heap[smallest] as T)) smallest = right;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest] as T, heap[i] as T];
        i = smallest;
      }
    }
  }
  return heap.sort(order);
}
