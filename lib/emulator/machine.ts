// State machines: an action or create puts an object into the first state of its steps at once
// (that state is in the answer) and every following step one tick later; the special step GONE
// removes the object (then GET answers 404). Pending transitions are part of the persisted state
// and resume after a restart (overdue steps are applied at once, later ones keep their spacing
// but are never further away than one tick of the new run).
import type { ObjectStore, StoredObject } from './store';

/** Step that removes the object from the platform. */
export const GONE = '$gone';

export interface Transition {
  readonly kind: string;
  readonly id: string;
  /** States still to apply, in order. */
  steps: string[];
  /** When the next step is due (epoch ms). */
  nextAt: number;
  /** Fields set together with the last step (e.g. a cookbook's metadata when processing ends). */
  finalPatch?: Record<string, unknown>;
}

export interface MachineHooks {
  /** After `obj.state` changed (also for the first step, synchronously). */
  onState(kind: string, obj: StoredObject, previous: unknown, next: string): void;
  /** Before an object is removed by a GONE step. */
  onGone(kind: string, obj: StoredObject): void;
}

const key = (kind: string, id: string): string => `${kind}:${id}`;

export class StateMachine {
  private readonly transitions = new Map<string, Transition>();
  private timer: NodeJS.Timeout | undefined;
  private idleWaiters: (() => void)[] = [];
  private stopped = false;

  constructor(
    private readonly store: ObjectStore,
    private tickMs: number,
    private readonly hooks: MachineHooks,
  ) {}

  get tick(): number {
    return this.tickMs;
  }

  /**
   * Applies `steps[0]` now and schedules the rest one tick apart; replaces any pending transition
   * of the object (a shutdown during bootstrapping wins over the rest of the boot).
   */
  start(kind: string, obj: StoredObject, steps: readonly string[], finalPatch?: Record<string, unknown>): void {
    if (steps.length === 0) throw new Error(`no steps for ${kind} ${obj.id}`);
    this.transitions.delete(key(kind, obj.id));
    const transition: Transition = { kind, id: obj.id, steps: [...steps], nextAt: Date.now() + this.tickMs, finalPatch };
    this.apply(transition);
    if (transition.steps.length > 0) this.transitions.set(key(kind, obj.id), transition);
    this.store.changed();
    this.arm();
  }

  /** Appends steps after the pending ones; starts them at once when nothing is pending. */
  enqueue(kind: string, obj: StoredObject, steps: readonly string[]): void {
    const pending = this.transitions.get(key(kind, obj.id));
    if (!pending) return this.start(kind, obj, steps);
    pending.steps.push(...steps);
    this.store.changed();
  }

  pending(kind: string, id: string): Transition | undefined {
    return this.transitions.get(key(kind, id));
  }

  /** The state an object settles in once its pending steps have run. */
  settledState(kind: string, obj: StoredObject): unknown {
    const steps = this.pending(kind, obj.id)?.steps;
    return steps && steps.length > 0 ? steps[steps.length - 1] : obj.state;
  }

  cancel(kind: string, id: string): void {
    if (this.transitions.delete(key(kind, id))) this.store.changed();
  }

  idle(): boolean {
    return this.transitions.size === 0;
  }

  /** Resolves when no transition is pending. */
  whenIdle(): Promise<void> {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Changes the step duration; pending steps are due at most one new tick from now. */
  setTick(ms: number): void {
    this.tickMs = ms;
    const latest = Date.now() + ms;
    for (const t of this.transitions.values()) t.nextAt = Math.min(t.nextAt, latest);
    this.arm();
  }

  export(): Transition[] {
    return [...this.transitions.values()].map((t) => ({ ...t, steps: [...t.steps] }));
  }

  /** Loads persisted transitions and resumes them. */
  resume(transitions: readonly Transition[]): void {
    const latest = Date.now() + this.tickMs;
    for (const t of transitions) {
      if (!this.store.get(t.kind, t.id) || t.steps.length === 0) continue;
      this.transitions.set(key(t.kind, t.id), { ...t, steps: [...t.steps], nextAt: Math.min(t.nextAt, latest) });
    }
    this.run();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Applies the next step of a transition. */
  private apply(t: Transition): void {
    const obj = this.store.get(t.kind, t.id);
    const step = t.steps.shift();
    if (!obj || step === undefined) {
      t.steps.length = 0;
      return;
    }
    if (step === GONE) {
      t.steps.length = 0;
      this.hooks.onGone(t.kind, obj);
      this.store.remove(t.kind, t.id);
      return;
    }
    if (t.steps.length === 0 && t.finalPatch) Object.assign(obj, t.finalPatch);
    const previous = obj.state;
    obj.state = step;
    this.hooks.onState(t.kind, obj, previous, step);
  }

  private run(): void {
    if (this.stopped) return;
    const now = Date.now();
    let changed = false;
    for (const [k, t] of [...this.transitions]) {
      while (t.steps.length > 0 && t.nextAt <= now && this.transitions.get(k) === t) {
        this.apply(t);
        t.nextAt += this.tickMs;
        changed = true;
      }
      if (t.steps.length === 0 && this.transitions.get(k) === t) this.transitions.delete(k);
    }
    if (changed) this.store.changed();
    if (this.idle()) this.idleWaiters.splice(0).forEach((w) => w());
    this.arm();
  }

  private arm(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.transitions.size === 0) {
      this.idleWaiters.splice(0).forEach((w) => w());
      return;
    }
    const next = Math.min(...[...this.transitions.values()].map((t) => t.nextAt));
    this.timer = setTimeout(() => this.run(), Math.max(0, next - Date.now()));
    this.timer.unref();
  }
}
