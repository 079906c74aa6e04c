interface Waiter<V> {
  resolve: (value: V | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * Collects the keys asked for during one tick, dedupes them and loads them with one call (or one
 * per `max` keys). Answers are cached per key; a failed load is forgotten so a later ask retries.
 */
export function batcher<V>(load: (keys: string[]) => Promise<Map<string, V>>, max: number): (key: string) => Promise<V | undefined> {
  const cache = new Map<string, Promise<V | undefined>>();
  let queue: Map<string, Waiter<V>> | undefined;

  const run = (batch: [string, Waiter<V>][]) =>
    load(batch.map(([key]) => key)).then(
      (found) => {
        for (const [key, w] of batch) w.resolve(found.get(key));
      },
      (error) => {
        for (const [key, w] of batch) {
          cache.delete(key);
          w.reject(error);
        }
      },
    );

  const flush = () => {
    const all = [...(queue as Map<string, Waiter<V>>)];
    queue = undefined;
    for (let i = 0; i < all.length; i += max) run(all.slice(i, i + max));
  };

  return (key) => {
    let answer = cache.get(key);
    if (!answer) {
      if (!queue) {
        queue = new Map();
        // The next macrotask, not a microtask: elements a streaming parser adds in the same task
        // and every effect of one React commit land in the same batch.
        setTimeout(flush, 0);
      }
      const q = queue;
      answer = new Promise((resolve, reject) => q.set(key, { resolve, reject }));
      cache.set(key, answer);
    }
    return answer;
  };
}
