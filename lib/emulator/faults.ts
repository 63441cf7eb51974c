// Fault injection: parses `--faults '503:0.2,429:0.1:3,reset:0.05'` and decides, per request, whether
// to answer 500/503/429 before processing or to drop the connection (before or after processing).
// Decisions come from a seeded PRNG, so a given seed and request order give the same faults.
import { randomInt } from 'node:crypto';
import { seededRandom, type Random } from './prng';

export type FaultKind = '500' | '503' | '429' | 'reset';

export interface FaultRule {
  readonly kind: FaultKind;
  /** Probability per request, 0..1. */
  readonly probability: number;
  /** Seconds sent in `Retry-After` (429 and 503). */
  readonly retryAfterSeconds: number;
}

/** What happens to one request. */
export type FaultDecision =
  | { readonly type: 'status'; readonly status: 500 | 503 | 429; readonly retryAfterSeconds?: number }
  | { readonly type: 'reset'; readonly when: 'before' | 'after' };

const KINDS: readonly FaultKind[] = ['500', '503', '429', 'reset'];
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/**
 * Parses a fault specification: comma-separated `KIND:PROBABILITY[:RETRY_AFTER]`, KIND one of
 * 500, 503, 429, reset. Throws an Error naming the bad item and the expected form.
 */
export function parseFaultSpec(spec: string | undefined): FaultRule[] {
  if (spec === undefined || spec.trim() === '') return [];
  const rules: FaultRule[] = [];
  for (const raw of spec.split(',')) {
    const item = raw.trim();
    const parts = item.split(':');
    const hint = `expected KIND:PROBABILITY[:RETRY_AFTER_SECONDS] with KIND one of ${KINDS.join(', ')}, e.g. '503:0.2,429:0.1:2,reset:0.05'`;
    if (parts.length < 2 || parts.length > 3) throw new Error(`fault '${item}' is malformed; ${hint}`);
    const kind = parts[0].toLowerCase() as FaultKind;
    if (!KINDS.includes(kind)) throw new Error(`fault kind '${parts[0]}' is unknown; ${hint}`);
    const probability = Number(parts[1]);
    if (parts[1].trim() === '' || !Number.isFinite(probability) || probability < 0 || probability > 1) {
      throw new Error(`fault '${item}' has probability '${parts[1]}'; use a number between 0 and 1`);
    }
    let retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;
    if (parts.length === 3) {
      if (kind !== '429' && kind !== '503') throw new Error(`fault '${item}': only 429 and 503 take a Retry-After value`);
      retryAfterSeconds = Number(parts[2]);
      if (!/^\d+$/.test(parts[2]) || retryAfterSeconds > 3600) {
        throw new Error(`fault '${item}' has Retry-After '${parts[2]}'; use whole seconds between 0 and 3600`);
      }
    }
    if (rules.some((r) => r.kind === kind)) throw new Error(`fault kind '${kind}' is given twice in '${spec}'; give each kind once`);
    rules.push({ kind, probability, retryAfterSeconds });
  }
  const total = rules.reduce((sum, r) => sum + r.probability, 0);
  if (total > 1 + 1e-9) throw new Error(`fault probabilities in '${spec}' add up to ${total}; their sum must not exceed 1`);
  return rules;
}

/** Draws a fault decision per request from the rules and a seeded PRNG. */
export class FaultInjector {
  private rules: FaultRule[] = [];
  private random: Random = seededRandom(0);

  constructor(spec?: string, seed?: number) {
    this.configure(spec, seed);
  }

  /** Replaces the rules; reseeds the PRNG (a random seed when none is given). */
  configure(spec: string | undefined, seed?: number): void {
    this.rules = parseFaultSpec(spec);
    this.random = seededRandom(seed ?? randomInt(0, 2 ** 31));
  }

  get active(): boolean {
    return this.rules.some((r) => r.probability > 0);
  }

  /** One decision; undefined means: serve the request normally. */
  decide(): FaultDecision | undefined {
    if (!this.active) return undefined;
    const draw = this.random();
    let upper = 0;
    for (const rule of this.rules) {
      upper += rule.probability;
      if (draw < upper) {
        if (rule.kind === 'reset') return { type: 'reset', when: this.random() < 0.5 ? 'before' : 'after' };
        const status = Number(rule.kind) as 500 | 503 | 429;
        return status === 500 ? { type: 'status', status } : { type: 'status', status, retryAfterSeconds: rule.retryAfterSeconds };
      }
    }
    return undefined;
  }
}
