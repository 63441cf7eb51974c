// Emulator options: the public option type, defaults and validation (errors name the option and
// the fix). Shared by the in-process API and the CLI.
import { parseFaultSpec } from './faults';

export interface EmulatorOptions {
  /** State directory (created if missing). */
  dir: string;
  /** 0 or undefined = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** State-machine step duration, default 50. */
  tickMs?: number;
  /** Added latency per request, default 0. */
  latencyMs?: number;
  /** e.g. '503:0.2,429:0.1,reset:0.05'. */
  faults?: string;
  /** Makes faults deterministic. */
  seed?: number;
  /** Default true. */
  journal?: boolean;
}

export interface ResolvedOptions {
  readonly dir: string;
  readonly port: number;
  readonly host: string;
  readonly tickMs: number;
  readonly latencyMs: number;
  readonly faults: string;
  readonly seed: number | undefined;
  readonly journal: boolean;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_TICK_MS = 50;
export const MAX_TICK_MS = 3_600_000;
export const MAX_LATENCY_MS = 600_000;

function integer(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`emulator option ${name} is ${String(value)}; use a whole number from ${min} to ${max}`);
  }
  return value;
}

export function resolveOptions(opts: EmulatorOptions): ResolvedOptions {
  if (typeof opts?.dir !== 'string' || opts.dir.trim() === '') {
    throw new Error('emulator option dir is missing; give the state directory, e.g. { dir: ".imco-emulator" }');
  }
  if (opts.host !== undefined && (typeof opts.host !== 'string' || opts.host === '')) {
    throw new Error('emulator option host must be a host name or address, e.g. 127.0.0.1');
  }
  if (opts.faults !== undefined) parseFaultSpec(opts.faults);
  return {
    dir: opts.dir,
    port: opts.port === undefined ? 0 : integer('port', opts.port, 0, 65535),
    host: opts.host ?? DEFAULT_HOST,
    tickMs: opts.tickMs === undefined ? DEFAULT_TICK_MS : integer('tickMs', opts.tickMs, 1, MAX_TICK_MS),
    latencyMs: opts.latencyMs === undefined ? 0 : integer('latencyMs', opts.latencyMs, 0, MAX_LATENCY_MS),
    faults: opts.faults ?? '',
    seed: opts.seed === undefined ? undefined : integer('seed', opts.seed, -(2 ** 31), 2 ** 32 - 1),
    journal: opts.journal ?? true,
  };
}
