// Reads a synthesized stack (cdk.tf.json) to find what imco-cdktf put there for a construct path:
// used by the user-facing commands (import, events, drift) which have no provisioner environment.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseSpec, SPEC_ENV, type BridgeSpec } from '../spec/spec';
import { BridgeError } from './errors';

export interface SynthesizedObject {
  /** Terraform address of the lifecycle resource, e.g. `terraform_data.network_web`. */
  readonly address: string;
  readonly spec: BridgeSpec;
}

/** Terraform's own escaping of literal `${` / `%{` inside strings, undone. */
function unescapeTemplate(s: string): string {
  return s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/** Finds the stack directories under `dir` (a stack dir itself, or a cdktf.out / project root). */
export function findStackFiles(dir: string): string[] {
  const candidates = [join(dir, 'cdk.tf.json')];
  for (const base of [join(dir, 'stacks'), join(dir, 'cdktf.out', 'stacks')]) {
    if (existsSync(base) && statSync(base).isDirectory()) {
      for (const name of readdirSync(base).sort()) candidates.push(join(base, name, 'cdk.tf.json'));
    }
  }
  return candidates.filter((f) => existsSync(f));
}

/** Every managed IMCO object of the synthesized stacks found under `dir`. */
export function readSynthesizedObjects(dir: string): SynthesizedObject[] {
  const files = findStackFiles(dir);
  if (files.length === 0) {
    throw new BridgeError(`no synthesized stack under ${dir}: run 'cdktf synth' (or npm start) first, or pass --stack <dir with cdk.tf.json>`);
  }
  return readStackFiles(files);
}

/** One synthesized stack: its name (the directory's), where it is, and its provisioner objects. */
export interface SynthesizedStack {
  readonly name: string;
  readonly dir: string;
  readonly objects: SynthesizedObject[];
  /** It has resources of the native provider (`imco_<kind>`). */
  readonly provider: boolean;
}

/** The synthesized stacks under `dir`, each on its own (several in a cdktf.out). */
export function readSynthesizedStacks(dir: string): SynthesizedStack[] {
  const files = findStackFiles(dir);
  if (files.length === 0) {
    throw new BridgeError(`no synthesized stack under ${dir}: run 'cdktf synth' (or npm start) first, or pass --stack <dir with cdk.tf.json>`);
  }
  return files.map((file) => {
    const stackDir = dirname(file);
    return { name: basename(stackDir), dir: stackDir, objects: readStackFiles([file]), provider: hasProviderResources(stackDir) };
  });
}

function readStackFiles(files: readonly string[]): SynthesizedObject[] {
  const out: SynthesizedObject[] = [];
  for (const file of files) {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { resource?: Record<string, Record<string, Record<string, unknown>>> };
    for (const [type, resources] of Object.entries(doc.resource ?? {})) {
      for (const [name, res] of Object.entries(resources)) {
        const triggers = (res.triggers_replace ?? res.triggers) as Record<string, string> | undefined;
        if (!triggers || !triggers.imco_kind || triggers.imco_lifecycle) continue;
        const provisioners = (res.provisioner ?? []) as Array<Record<string, { environment?: Record<string, string>; when?: string }>>;
        const create = provisioners.map((p) => p['local-exec']).find((p) => p && p.when !== 'destroy' && p.environment?.[SPEC_ENV]);
        if (!create?.environment) continue;
        out.push({ address: `${type}.${name}`, spec: parseSpec(unescapeTemplate(create.environment[SPEC_ENV])) });
      }
    }
  }
  return out;
}

/** Whether a synthesized stack under `dir` has resources of the native provider (`imco_<kind>`). */
export function hasProviderResources(dir: string): boolean {
  return findStackFiles(dir).some((file) => {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { resource?: Record<string, unknown> };
    return Object.keys(doc.resource ?? {}).some((type) => type.startsWith('imco_'));
  });
}

/** The synthesized object at a construct path; errors list the known paths. */
export function findSynthesizedObject(dir: string, path: string): SynthesizedObject {
  const all = readSynthesizedObjects(dir);
  const wanted = path.replace(/^\/+|\/+$/g, '');
  const found = all.filter((o) => o.spec.path === wanted || `${o.spec.stack}/${o.spec.path}` === wanted);
  if (found.length === 1) return found[0];
  if (found.length > 1) {
    throw new BridgeError(`'${path}' matches objects in several stacks (${found.map((o) => o.spec.stack).join(', ')}): prefix it with the stack name`);
  }
  const known = all.map((o) => o.spec.path).sort();
  throw new BridgeError(`no IMCO construct at path '${path}' in the synthesized stack; known paths: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}`);
}
