// A local state emptied by a killed terraform run is reported with the command that restores it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lostLocalStateProblem } from '../../lib/cli/local-state';

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'imco-local-state-'));
}

const state = (resources: number) => JSON.stringify({ version: 4, serial: 3, resources: Array.from({ length: resources }, (_, i) => ({ name: `r${i}` })) });

describe('lostLocalStateProblem', () => {
  test('no state file yet, or a readable one (even with no resources), is fine', () => {
    const d = dir();
    expect(lostLocalStateProblem(join(d, 'terraform.x.tfstate'))).toBeUndefined();
    writeFileSync(join(d, 'terraform.x.tfstate'), state(0));
    expect(lostLocalStateProblem(join(d, 'terraform.x.tfstate'))).toBeUndefined();
    writeFileSync(join(d, 'terraform.x.tfstate'), state(4));
    writeFileSync(join(d, 'terraform.x.tfstate.backup'), '');
    expect(lostLocalStateProblem(join(d, 'terraform.x.tfstate'))).toBeUndefined();
  });

  test('an empty state beside a backup names the backup, its resources and the cp that restores it', () => {
    const d = dir();
    const path = join(d, 'terraform.x.tfstate');
    writeFileSync(path, '');
    writeFileSync(`${path}.backup`, state(34));
    expect(lostLocalStateProblem(path)).toBe(
      `${path} is empty: a terraform run was killed while writing it (hashicorp/terraform#34266). ` +
        `${path}.backup holds the 34 resources that run started from; put it back with: cp '${path}.backup' '${path}' — then run again`,
    );
  });

  test('a truncated state without a usable backup says what is left to do', () => {
    const d = dir();
    const path = join(d, 'terraform.x.tfstate');
    writeFileSync(path, '{"version": 4, "reso');
    expect(lostLocalStateProblem(path)).toBe(
      `${path} is not valid JSON and there is no usable ${path}.backup: a killed terraform run damaged it. ` +
        'Restore it from your own copy, or delete it and run again: objects that still exist in IMCO are adopted by their ownership labels',
    );
  });
});
