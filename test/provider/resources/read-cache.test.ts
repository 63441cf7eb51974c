// The shared read lists: concurrent reads of one kind and parent make one list call; another
// parent is another call; a failure is not cached; an apply (invalidate) or age forgets them.
import type { LiveObject } from '../../../lib/handlers/api';
import { ListCache } from '../../../lib/provider/resources/read-cache';

function counter(objects: LiveObject[] = [{ id: 'a' }]) {
  const calls: string[] = [];
  const fetch = (key: string) => async () => {
    calls.push(key);
    await new Promise((r) => setTimeout(r, 5));
    return objects;
  };
  return { calls, fetch };
}

test('100 concurrent reads of one kind and parent cost one list call; another parent one more', async () => {
  const cache = new ListCache();
  const { calls, fetch } = counter();
  const reads = Array.from({ length: 100 }, (_, i) => cache.list('subnet', { vpc_id: i % 2 ? 'v1' : 'v2' }, fetch(i % 2 ? 'v1' : 'v2')));
  const results = await Promise.all(reads);
  expect(results.every((r) => r[0].id === 'a')).toBe(true);
  expect(calls.sort()).toEqual(['v1', 'v2']);
  await cache.list('subnet', { vpc_id: 'v1' }, fetch('v1'));
  expect(calls).toHaveLength(2);
});

test('a failed list is not kept; invalidate and age make the next read list again', async () => {
  let now = 0;
  const cache = new ListCache(1000, () => now);
  await expect(cache.list('vpc', undefined, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  const { calls, fetch } = counter();
  await cache.list('vpc', undefined, fetch('1'));
  expect(calls).toEqual(['1']);
  cache.invalidate();
  await cache.list('vpc', undefined, fetch('2'));
  now = 1001;
  await cache.list('vpc', undefined, fetch('3'));
  now = 1500;
  await cache.list('vpc', undefined, fetch('4'));
  expect(calls).toEqual(['1', '2', '3']);
});
