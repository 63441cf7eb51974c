// `imco-bridge repoint [--stack DIR]`: the stack now reaches its IMCO platform under another
// endpoint (`/v3` instead of `/v2`, another host name or port). Each lifecycle resource records the
// endpoint its object was created with (`imco_endpoint` in its triggers), so re-synthesizing alone
// makes Terraform plan to replace every object, and the deletes of that plan refuse
// (lib/cli/bridge.ts). This command checks that the stack's objects are there at the synthesized
// endpoint, then writes that endpoint into the Terraform state (`terraform state pull` / `push`):
// the next plan has nothing to replace, and no object is re-created.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { rmSync, writeFileSync } from 'node:fs';
import { samePlatform } from '../spec/platform';
import type { BridgeApi } from '../handlers/api';
import { BridgeError } from '../handlers/errors';
import { makeInvocationContext } from '../handlers/invocation-context';
import { findStackFiles, readSynthesizedObjects } from '../handlers/stack-reader';

interface StateInstance {
  attributes?: { triggers_replace?: { value?: Record<string, unknown> }; triggers?: Record<string, unknown> };
}
interface TerraformState {
  serial: number;
  resources?: { mode: string; type: string; name: string; instances?: StateInstance[] }[];
}

/** Rewrites every recorded `imco_endpoint` that differs from `endpoint`; returns the addresses changed. */
export function repointState(state: TerraformState, endpoint: string): string[] {
  const changed: string[] = [];
  for (const r of state.resources ?? []) {
    if (r.mode !== 'managed') continue;
    for (const instance of r.instances ?? []) {
      const triggers = instance.attributes?.triggers_replace?.value ?? instance.attributes?.triggers;
      if (!triggers || typeof triggers.imco_endpoint !== 'string' || triggers.imco_endpoint === endpoint) continue;
      triggers.imco_endpoint = endpoint;
      changed.push(`${r.type}.${r.name}`);
    }
  }
  if (changed.length > 0) state.serial += 1;
  return changed;
}

function terraform(dir: string, args: string[]): string {
  try {
    return execFileSync('terraform', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });
  } catch (err) {
    const stderr = String((err as { stderr?: string }).stderr ?? '').trim().split('\n').slice(-5).join(' ');
    throw new BridgeError(`terraform ${args.join(' ')} failed in ${dir}: ${stderr || (err as Error).message}`);
  }
}

/** The one synthesized stack under `dir` (its directory and endpoint). */
function oneStack(dir: string): { stackDir: string; endpoint: string } {
  const files = findStackFiles(dir);
  if (files.length !== 1) {
    throw new BridgeError(
      files.length === 0
        ? `no synthesized stack under ${dir}: run 'cdktf synth' (or npm start) first, or pass --stack <dir with cdk.tf.json>`
        : `${files.length} synthesized stacks under ${dir}: pass --stack <the directory of one of them>`,
    );
  }
  const stackDir = dirname(files[0]);
  const endpoints = [...new Set(readSynthesizedObjects(stackDir).map((o) => o.spec.endpoint).filter(Boolean))];
  if (endpoints.length !== 1) throw new BridgeError(`the stack in ${stackDir} names ${endpoints.length} endpoints: re-synthesize it`);
  return { stackDir, endpoint: endpoints[0] };
}

/** Runs the command; `api` talks to the synthesized endpoint (the credentials of the new address). */
export async function repoint(dir: string, api: BridgeApi, out: (line: string) => void): Promise<number> {
  const { stackDir, endpoint } = oneStack(dir);
  if (!samePlatform(endpoint, api.endpoint)) {
    throw new BridgeError(`the stack is synthesized for ${endpoint} but the credentials point at ${api.endpoint}: use the credentials of ${endpoint} (CONCERTO_ENDPOINT)`);
  }
  // The objects must be there under the new address: otherwise it is another platform.
  const labelled = readSynthesizedObjects(stackDir).filter((o) => o.spec.self.owner);
  let found = 0;
  for (const o of labelled) if (await makeInvocationContext(o.spec, api, () => undefined).resolver.find(o.spec.self)) found++;
  if (labelled.length > 0 && found === 0) {
    throw new BridgeError(`none of the stack's ${labelled.length} labelled objects exists at ${endpoint}: it is not the platform the stack was created on; nothing re-pointed`);
  }
  const state = JSON.parse(terraform(stackDir, ['state', 'pull'])) as TerraformState;
  const changed = repointState(state, endpoint);
  if (changed.length === 0) {
    out(`imco-bridge: repoint: every resource already records ${endpoint}; nothing to do`);
    return 0;
  }
  const file = join(stackDir, `.imco-repoint-${process.pid}.tfstate`);
  writeFileSync(file, JSON.stringify(state), { mode: 0o600 });
  try {
    terraform(stackDir, ['state', 'push', file]);
  } finally {
    rmSync(file, { force: true });
  }
  out(`imco-bridge: repoint: ${changed.length} resource(s) now record ${endpoint} (${found} of ${labelled.length} labelled objects found there); nothing is re-created`);
  return 0;
}
