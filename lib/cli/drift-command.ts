// `imco-bridge drift`: checks each synthesized stack under the directory (cdktf.out holds one per
// stack) — or the one `--stack` names, by directory or by stack name — against IMCO with that
// stack's endpoint, and names the stack in every message: a stack whose endpoint fails is reported
// and the others are still checked. Exit 0 in sync, 2 on drift, 1 when a stack could not be checked.
/* eslint-disable @typescript-eslint/no-require-imports */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import type { BridgeSpec } from '../spec/spec';
import type { BridgeApi } from '../handlers/api';
import type { DriftReport } from '../handlers/drift';
import type { SynthesizedObject, SynthesizedStack } from '../handlers/stack-reader';

const FORMATS = ['text', 'json', 'markdown', 'fingerprints'] as const;
type Format = (typeof FORMATS)[number];

/** What the command needs from imco-bridge (kept there: the API guard and the tainted-state reader). */
export interface DriftCommandDeps {
  readonly openApi: (spec: BridgeSpec | undefined) => BridgeApi;
  readonly taintedResourceOf: (dir: string, objects: readonly SynthesizedObject[], stateFlag: string | true | undefined) => (spec: BridgeSpec) => string | undefined;
}

const fail = (text: string): number => {
  process.stderr.write(`imco-bridge drift: ${text}\n`);
  return 1;
};

/** The stacks to check: every stack under the directory, or the one --stack names. */
function stacksToCheck(stackFlag: string | true | undefined): SynthesizedStack[] {
  const { readSynthesizedStacks } = require('../handlers/stack-reader') as typeof import('../handlers/stack-reader');
  const given = typeof stackFlag === 'string' ? stackFlag : undefined;
  if (given === undefined || (existsSync(given) && statSync(given).isDirectory())) return readSynthesizedStacks(given ?? process.cwd());
  const all = readSynthesizedStacks(process.cwd());
  const named = all.filter((s) => s.name === given || s.objects[0]?.spec.stack === given);
  if (named.length === 0) throw new Error(`--stack '${given}' is neither a directory nor a stack under ${process.cwd()}; stacks: ${all.map((s) => s.name).join(', ')}`);
  return named;
}

async function check(specs: readonly BridgeSpec[], tainted: (spec: BridgeSpec) => string | undefined, deps: DriftCommandDeps): Promise<DriftReport> {
  const { detectDrift } = require('../handlers/drift') as typeof import('../handlers/drift');
  const api = deps.openApi(specs[0]);
  try {
    return await detectDrift(api, specs, tainted);
  } finally {
    api.close();
  }
}

function render(reports: DriftReport[], format: Format, several: boolean): string {
  const drift = require('../handlers/drift') as typeof import('../handlers/drift');
  if (format === 'fingerprints') return `${JSON.stringify(Object.assign({}, ...reports.map((r) => drift.driftFingerprints(r))))}\n`;
  // One stack: its report as before; several: every report, and whether any drifted.
  if (format === 'json' && several) return `${JSON.stringify({ stacks: reports, drifted: reports.some((r) => r.drifted) }, null, 2)}\n`;
  return reports.map((r) => drift.renderDrift(r, format)).join(format === 'markdown' ? '\n' : '');
}

export async function driftCommand(flags: ReadonlyMap<string, string | true>, deps: DriftCommandDeps): Promise<number> {
  const format = String(flags.get('format') ?? 'text') as Format;
  if (!FORMATS.includes(format)) {
    process.stderr.write(`imco-bridge drift: --format must be text, json or markdown (got '${format}')\n`);
    return 2;
  }
  if (flags.has('specs-stdin')) {
    // The IMCO_DRIFT=plan path: one stack's specs from stdin.
    const report = await check(JSON.parse(readFileSync(0, 'utf8')) as BridgeSpec[], () => undefined, deps);
    process.stdout.write(render([report], format, false));
    return report.drifted && format !== 'fingerprints' ? 2 : 0;
  }
  let stacks: SynthesizedStack[];
  try {
    stacks = stacksToCheck(flags.get('stack'));
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
  const reports: DriftReport[] = [];
  let failed = false;
  for (const stack of stacks) {
    const name = stack.objects[0]?.spec.stack ?? stack.name;
    if (stack.objects.length === 0 && stack.provider) {
      failed = true;
      const rel = relative(process.cwd(), stack.dir);
      const where = rel && !rel.startsWith('..') ? rel : stack.dir;
      fail(`stack ${name} uses the provider flavour: run terraform plan in its directory (${where}), which reads every object and shows drift`);
      continue;
    }
    try {
      reports.push(await check(stack.objects.map((o) => o.spec), deps.taintedResourceOf(stack.dir, stack.objects, flags.get('state')), deps));
    } catch (err) {
      failed = true;
      fail(`stack ${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (reports.length > 0 || (format === 'json' && stacks.length > 1)) process.stdout.write(render(reports, format, stacks.length > 1));
  if (failed) return 1;
  return reports.some((r) => r.drifted) && format !== 'fingerprints' ? 2 : 0;
}
