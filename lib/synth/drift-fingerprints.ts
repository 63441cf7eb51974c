// Live synth for `IMCO_DRIFT=plan`: one `imco-bridge drift --format fingerprints` run per stack
// compares every object with IMCO (one list call per kind and parent) and gives each a drift
// fingerprint, which the constructs put into the `_sync` triggers so that `terraform plan` shows
// drift and `terraform apply` repairs it.
import { execFileSync } from 'node:child_process';
import type { BridgeSpec } from '../spec/spec';
import { bridgeScript } from './lookups';

/** True when synth should read live state to put drift fingerprints into the plan. */
export function driftPlanMode(): boolean {
  return (process.env.IMCO_DRIFT ?? '').toLowerCase() === 'plan';
}

/** Drift fingerprints by construct path; errors name the cause and how to run without live synth. */
export function fetchDriftFingerprints(specs: readonly BridgeSpec[], env: Readonly<Record<string, string>> = {}): Record<string, string> {
  if (specs.length === 0) return {};
  try {
    const out = execFileSync(process.execPath, [bridgeScript(), 'drift', '--specs-stdin', '--format', 'fingerprints'], {
      input: JSON.stringify(specs),
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 300_000,
    }).toString();
    return JSON.parse(out) as Record<string, string>;
  } catch (err) {
    const stderr = String((err as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0];
    throw new Error(`IMCO_DRIFT=plan could not read the live state: ${stderr || 'imco-bridge drift failed'}; fix the credentials, or unset IMCO_DRIFT`);
  }
}
