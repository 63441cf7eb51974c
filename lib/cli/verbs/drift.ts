// `imco-bridge drift [--stack DIR] [--format text|json|markdown] [--state FILE]`: compare the
// synthesized stack with IMCO; exit 2 on drift. `--specs-stdin` reads the specs as JSON instead.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { BridgeSpec } from '../../bridge/spec';
import type { SynthesizedObject } from '../../handlers/stack-reader';
import { withApi } from './open-api';
import { flagText, stackDirOf, type VerbCall } from './verb';

const FORMATS = ['text', 'json', 'markdown', 'fingerprints'];

export async function run(call: VerbCall): Promise<number> {
  const { readSynthesizedObjects, hasProviderResources } = require('../../handlers/stack-reader') as typeof import('../../handlers/stack-reader');
  const drift = require('../../handlers/drift') as typeof import('../../handlers/drift');
  const format = String(call.flags.get('format') ?? 'text');
  if (!FORMATS.includes(format)) {
    call.inv.stderr(`imco-bridge drift: --format must be text, json or markdown (got '${format}')\n`);
    return 2;
  }
  const dir = stackDirOf(call);
  const synthesized = call.flags.has('specs-stdin') ? undefined : readSynthesizedObjects(dir);
  const specs = synthesized ? synthesized.map((o) => o.spec) : (JSON.parse(require('node:fs').readFileSync(0, 'utf8') as string) as BridgeSpec[]);
  if (synthesized && specs.length === 0 && hasProviderResources(dir)) {
    call.inv.stderr('imco-bridge drift: this stack uses the provider flavour: run terraform plan in its directory, which reads every object and shows drift\n');
    return 1;
  }
  const tainted = synthesized ? taintedResourceOf(dir, synthesized, flagText(call, 'state')) : () => undefined;
  return withApi(call, specs[0], async (api) => {
    const report = await drift.detectDrift(api, specs, tainted);
    if (format === 'fingerprints') call.inv.stdout(`${JSON.stringify(drift.driftFingerprints(report))}\n`);
    else call.inv.stdout(drift.renderDrift(report, format as 'text' | 'json' | 'markdown'));
    return report.drifted && format !== 'fingerprints' ? 2 : 0;
  });
}

/** The tainted Terraform resource (lifecycle or `_sync`) of a synthesized object, from the stack's state. */
function taintedResourceOf(dir: string, objects: readonly SynthesizedObject[], stateFile: string | undefined): (spec: BridgeSpec) => string | undefined {
  const { findStackFiles } = require('../../handlers/stack-reader') as typeof import('../../handlers/stack-reader');
  const { taintedByStack } = require('../../handlers/tainted') as typeof import('../../handlers/tainted');
  const byStack = taintedByStack(findStackFiles(dir), stateFile);
  const addressOf = new Map(objects.map((o) => [o.spec, o.address]));
  return (spec) => {
    const address = addressOf.get(spec);
    const tainted = byStack.get(spec.stack);
    if (!address || !tainted) return undefined;
    return [address, `${address}_sync`].find((a) => tainted.has(a));
  };
}
