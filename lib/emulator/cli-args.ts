// Command-line flags of `imco-emulator`: parsed into EmulatorOptions; a bad flag is a UsageError
// whose message names the flag and the fix (the CLI prints it and exits 2).
import { parseFaultSpec } from './faults';
import type { EmulatorOptions } from './options';

export class UsageError extends Error {}

export const USAGE = `usage: imco-emulator --dir DIR [--port PORT] [--host HOST] [--tick-ms N] [--latency-ms N]
                     [--faults SPEC] [--seed N] [--no-journal]

  --dir DIR          state directory (certificates, client.xml, state.json, journal.jsonl); created if missing
  --port PORT        port to listen on; 0 (default) picks a free port
  --host HOST        address to listen on (default 127.0.0.1)
  --tick-ms N        duration of one state-machine step in ms (default 50)
  --latency-ms N     latency added to every answer in ms (default 0)
  --faults SPEC      injected faults, KIND:PROBABILITY[:RETRY_AFTER] with KIND 503, 500, 429 or reset,
                     e.g. '503:0.2,429:0.1:2,reset:0.05'
  --seed N           seed for the fault generator (same seed, same faults)
  --no-journal       do not write DIR/journal.jsonl

When ready, prints one line of JSON to stdout: {"endpoint", "caCert", "clientCert", "clientKey", "clientXml"}.`;

type Flag = { readonly name: keyof EmulatorOptions; readonly kind: 'string' | 'integer' | 'faults' };

const VALUE_FLAGS: Record<string, Flag> = {
  '--dir': { name: 'dir', kind: 'string' },
  '--port': { name: 'port', kind: 'integer' },
  '--host': { name: 'host', kind: 'string' },
  '--tick-ms': { name: 'tickMs', kind: 'integer' },
  '--latency-ms': { name: 'latencyMs', kind: 'integer' },
  '--faults': { name: 'faults', kind: 'faults' },
  '--seed': { name: 'seed', kind: 'integer' },
};

const RANGES: Partial<Record<keyof EmulatorOptions, readonly [number, number]>> = {
  port: [0, 65535],
  tickMs: [1, 3_600_000],
  latencyMs: [0, 600_000],
  seed: [0, 2 ** 32 - 1],
};

/** Parses the flags; returns 'help' for --help. Throws UsageError on anything wrong. */
export function parseCliArgs(argv: readonly string[]): EmulatorOptions | 'help' {
  const options: Partial<Record<keyof EmulatorOptions, unknown>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--no-journal') {
      options.journal = false;
      continue;
    }
    const eq = arg.indexOf('=');
    const flagName = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const flag = VALUE_FLAGS[flagName];
    if (!flag) throw new UsageError(`unknown flag '${arg}'; run imco-emulator --help for the flags`);
    const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      throw new UsageError(`flag ${flagName} needs a value, e.g. ${flagName} ${flag.kind === 'integer' ? '0' : flag.kind === 'faults' ? "'503:0.1'" : '.imco-emulator'}`);
    }
    if (flag.kind === 'integer') {
      const [min, max] = RANGES[flag.name]!;
      if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
        throw new UsageError(`flag ${flagName} is '${value}'; use a whole number from ${min} to ${max}`);
      }
      options[flag.name] = Number(value);
    } else if (flag.kind === 'faults') {
      try {
        parseFaultSpec(value);
      } catch (err) {
        throw new UsageError(`flag --faults: ${(err as Error).message}`);
      }
      options[flag.name] = value;
    } else {
      if (value.trim() === '') throw new UsageError(`flag ${flagName} is empty; give a value`);
      options[flag.name] = value;
    }
  }
  if (options.dir === undefined) throw new UsageError('flag --dir is missing; give the state directory, e.g. --dir .imco-emulator');
  return options as unknown as EmulatorOptions;
}
