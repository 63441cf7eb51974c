// Unit tests of fault specifications and the seeded fault generator.
import { FaultInjector, parseFaultSpec } from '../../lib/emulator/faults';

describe('parseFaultSpec', () => {
  it('reads kinds, probabilities and Retry-After values', () => {
    expect(parseFaultSpec('503:0.2, 429:0.1:3 ,reset:0.05,500:0')).toEqual([
      { kind: '503', probability: 0.2, retryAfterSeconds: 1 },
      { kind: '429', probability: 0.1, retryAfterSeconds: 3 },
      { kind: 'reset', probability: 0.05, retryAfterSeconds: 1 },
      { kind: '500', probability: 0, retryAfterSeconds: 1 },
    ]);
    expect(parseFaultSpec('')).toEqual([]);
    expect(parseFaultSpec(undefined)).toEqual([]);
  });

  it.each([
    ['404:0.1', /kind '404' is unknown/],
    ['503', /malformed/],
    ['503:1.5', /between 0 and 1/],
    ['503:abc', /between 0 and 1/],
    ['503:', /between 0 and 1/],
    ['503:0.6,429:0.6', /must not exceed 1/],
    ['503:0.1,503:0.2', /given twice/],
    ['reset:0.1:2', /only 429 and 503/],
    ['429:0.1:x', /whole seconds/],
  ])('refuses %s', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });
});

describe('FaultInjector', () => {
  const draws = (spec: string, seed: number, n: number) => {
    const injector = new FaultInjector(spec, seed);
    return Array.from({ length: n }, () => JSON.stringify(injector.decide() ?? null));
  };

  it('gives the same decisions for the same seed and different ones for another seed', () => {
    const spec = '503:0.2,429:0.1,500:0.1,reset:0.1';
    expect(draws(spec, 42, 200)).toEqual(draws(spec, 42, 200));
    expect(draws(spec, 42, 200)).not.toEqual(draws(spec, 43, 200));
  });

  it('injects each kind with roughly its probability', () => {
    const injector = new FaultInjector('503:0.2,429:0.1,reset:0.1', 7);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 10_000; i++) {
      const d = injector.decide();
      const key = d === undefined ? 'none' : d.type === 'status' ? String(d.status) : `reset:${d.when}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    expect(counts['503']).toBeGreaterThan(1800);
    expect(counts['503']).toBeLessThan(2200);
    expect(counts['429']).toBeGreaterThan(850);
    expect(counts['429']).toBeLessThan(1150);
    expect(counts['reset:before'] + counts['reset:after']).toBeGreaterThan(850);
    expect(counts['reset:before']).toBeGreaterThan(350);
    expect(counts['reset:after']).toBeGreaterThan(350);
    expect(counts['500']).toBeUndefined();
  });

  it('carries Retry-After on 429 and 503 only, and injects nothing without rules', () => {
    const all429 = new FaultInjector('429:1:7', 1).decide();
    expect(all429).toEqual({ type: 'status', status: 429, retryAfterSeconds: 7 });
    expect(new FaultInjector('500:1', 1).decide()).toEqual({ type: 'status', status: 500 });
    const none = new FaultInjector('', 1);
    expect(none.active).toBe(false);
    expect(none.decide()).toBeUndefined();
  });
});
