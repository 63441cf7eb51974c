// End to end with the real terraform binary: the host (bundled with the fake imco_test resource)
// installed from a filesystem mirror laid out by layoutMirrorFrom, then init, plan/apply (create),
// a no-op plan, an in-place update, a replacement (requires_replace), drift, an import block and
// -generate-config-out and destroy, with the actions read from `terraform show -json`. Terraform's own log must show every
// provider process exiting on Shutdown (no 2 s kill), and no write-only value in plan or state.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terraformOk } from '../support/terraform';
import { readStore } from './support/fake-definition';
import { fakeMirror } from './support/provider-bundle';

const dir = mkdtempSync(join(tmpdir(), 'imco-provider-e2e-'));
const store = join(dir, 'store.json');
const tfLog = join(dir, 'terraform.log');
const SECRET = 'wo-secret-7f3a9c';
// The write-only value comes from an ephemeral variable, as a real secret would.
const env = { FAKE_IMCO_STORE: store, TF_LOG: 'debug', TF_LOG_PATH: tfLog, TF_VAR_secret: SECRET };

function config(a: { cidr: string; size: number }, extra = ''): void {
  writeFileSync(
    join(dir, 'main.tf'),
    `terraform {
  required_providers {
    imco = { source = "imco/imco" }
  }
}
provider "imco" {
  endpoint = "https://imco.example"
}
variable "secret" {
  type      = string
  sensitive = true
  ephemeral = true
}
resource "imco_test" "a" {
  name           = "a"
  cidr           = "${a.cidr}"
  size           = ${a.size}
  tags           = { team = "web" }
  labels         = ["x", "y"]
  rules          = [{ ip_protocol = "tcp", min_port = 22, max_port = 22 }]
  secret_wo      = var.secret
  secret_version = "1"
  timeouts {
    create = "1m"
  }
}
resource "imco_test" "b" {
  name = "child-of-\${imco_test.a.id}"
}
${extra}`,
  );
}

type Change = { address: string; change: { actions: string[]; replace_paths?: unknown; importing?: { id: string } } };

async function planActions(): Promise<Record<string, Change['change']>> {
  await terraformOk(dir, ['plan', '-out=tfplan', '-no-color'], { env });
  const show = await terraformOk(dir, ['show', '-json', 'tfplan'], { env });
  expect(show.stdout).not.toContain(SECRET);
  const plan = JSON.parse(show.stdout) as { resource_changes: Change[] };
  return Object.fromEntries(plan.resource_changes.map((c) => [c.address, c.change]));
}

describe('terraform with the provider host', () => {
  jest.setTimeout(180_000);

  it('installs from the mirror, creates, plans nothing, updates in place, replaces, imports and destroys', async () => {
    await fakeMirror(dir);
    config({ cidr: '10.0.0.0/16', size: 1 });
    await terraformOk(dir, ['init', '-plugin-dir=mirror', '-no-color'], { env });
    const lock = readFileSync(join(dir, '.terraform.lock.hcl'), 'utf8');
    expect(lock).toContain('provider "registry.terraform.io/imco/imco"');
    expect(lock).toMatch(/version\s+= "0\.1\.0"/);
    expect(lock).toMatch(/"h1:[A-Za-z0-9+/=]+"/);

    // Create: b's name is a refined unknown ("child-of-" prefix) passed through the host unchanged.
    let actions = await planActions();
    expect(actions['imco_test.a'].actions).toEqual(['create']);
    expect(actions['imco_test.b'].actions).toEqual(['create']);
    await terraformOk(dir, ['apply', '-no-color', 'tfplan'], { env });
    let s = readStore(store);
    const [idA] = Object.entries(s.objects).find(([, o]) => o.name === 'a') ?? [''];
    expect(s.objects[idA]).toMatchObject({ cidr: '10.0.0.0/16', size: 1, tags: { team: 'web' }, labels: ['x', 'y'], rules: [{ ip_protocol: 'tcp', min_port: 22, max_port: 22 }] });
    expect(Object.values(s.objects).map((o) => o.name)).toContain(`child-of-${idA}`);
    expect(s.secretsSeen[idA]).toBe(SECRET);
    expect(s.configured).toEqual({ endpoint: 'https://imco.example' });
    expect(readFileSync(join(dir, 'terraform.tfstate'), 'utf8')).not.toContain(SECRET);

    // Nothing changed: an empty plan.
    await terraformOk(dir, ['plan', '-detailed-exitcode', '-no-color'], { env }, [0]);

    // A mutable field: update in place, same id.
    config({ cidr: '10.0.0.0/16', size: 2 });
    actions = await planActions();
    expect(actions['imco_test.a'].actions).toEqual(['update']);
    expect(actions['imco_test.b'].actions).toEqual(['no-op']);
    await terraformOk(dir, ['apply', '-no-color', 'tfplan'], { env });
    expect(readStore(store).objects[idA].size).toBe(2);

    // Drift: an edit outside Terraform shows in a plain plan and apply puts it back.
    s = readStore(store);
    s.objects[idA].size = 9;
    writeFileSync(store, JSON.stringify(s));
    actions = await planActions();
    expect(actions['imco_test.a'].actions).toEqual(['update']);
    await terraformOk(dir, ['apply', '-no-color', 'tfplan'], { env });
    expect(readStore(store).objects[idA].size).toBe(2);

    // An immutable field: replacement, via requires_replace.
    config({ cidr: '10.1.0.0/16', size: 2 });
    actions = await planActions();
    expect(actions['imco_test.a'].actions).toEqual(['delete', 'create']);
    expect(actions['imco_test.a'].replace_paths).toEqual([['cidr']]);
    await terraformOk(dir, ['apply', '-no-color', 'tfplan'], { env });
    expect(readStore(store).objects[idA]).toBeUndefined();

    // An import block adopts an object made by hand.
    s = readStore(store);
    s.objects['hand-1'] = { id: 'hand-1', name: 'by hand', size: 3, state: 'ready' };
    writeFileSync(store, JSON.stringify(s));
    config({ cidr: '10.1.0.0/16', size: 2 }, 'import {\n  to = imco_test.c\n  id = "hand-1"\n}\nresource "imco_test" "c" {\n  name = "by hand"\n  size = 3\n}\n');
    actions = await planActions();
    expect(actions['imco_test.c']).toMatchObject({ actions: ['no-op'], importing: { id: 'hand-1' } });
    await terraformOk(dir, ['apply', '-no-color', 'tfplan'], { env });
    const state = JSON.parse(readFileSync(join(dir, 'terraform.tfstate'), 'utf8')) as { resources: { name: string }[] };
    expect(state.resources.map((r) => r.name).sort()).toEqual(['a', 'b', 'c']);

    // -generate-config-out writes usable HCL for an imported object from the state the host returns.
    s = readStore(store);
    s.objects['hand-2'] = { id: 'hand-2', name: 'generate me', size: 4, tags: { k: 'v' }, state: 'ready' };
    writeFileSync(store, JSON.stringify(s));
    writeFileSync(join(dir, 'import2.tf'), 'import {\n  to = imco_test.g\n  id = "hand-2"\n}\n');
    await terraformOk(dir, ['plan', '-generate-config-out=generated.tf', '-no-color'], { env });
    const generated = readFileSync(join(dir, 'generated.tf'), 'utf8');
    expect(generated).toMatch(/resource "imco_test" "g" \{/);
    expect(generated).toMatch(/name\s+= "generate me"/);
    expect(generated).toMatch(/size\s+= 4/);
    rmSync(join(dir, 'import2.tf'));
    rmSync(join(dir, 'generated.tf'));

    await terraformOk(dir, ['destroy', '-auto-approve', '-no-color'], { env });
    expect(Object.keys(readStore(store).objects)).toEqual(['hand-2']);

    // Every provider process answered Shutdown and exited; none was killed after Terraform's 2 s wait.
    const log = readFileSync(tfLog, 'utf8');
    expect(log.match(/provider: plugin exited/g)?.length ?? 0).toBeGreaterThan(10);
    expect(log).not.toContain('plugin failed to exit gracefully');
    expect(log).not.toContain(SECRET);
  });
});
