// npm start's flavour bookkeeping: the flavour a local state was deployed with, and what the next
// run does about a different one (nothing, move to the provider, or refuse the way back).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployedFlavour, flavourChange } from '../../lib/cli/estate-flavour';

function state(types: string[] | string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'imco-flavour-')), 'terraform.tfstate');
  writeFileSync(file, typeof types === 'string' ? types : JSON.stringify({ version: 4, resources: types.map((type, i) => ({ mode: 'managed', type, name: `r${i}` })) }));
  return file;
}

test('the deployed flavour comes from the state resources; none without IMCO resources or state', () => {
  expect(deployedFlavour(state(['imco_vpc', 'imco_subnet']))).toBe('provider');
  expect(deployedFlavour(state(['terraform_data', 'terraform_data']))).toBe('terraform_data');
  expect(deployedFlavour(state(['null_resource']))).toBe('null_resource');
  expect(deployedFlavour(state([]))).toBeUndefined();
  expect(deployedFlavour(state(''))).toBeUndefined();
  expect(deployedFlavour('/nonexistent/terraform.tfstate')).toBeUndefined();
});

test('a provisioner estate moves to the provider; the way back is refused naming the fix', () => {
  expect(flavourChange(undefined, 'provider')).toEqual({});
  expect(flavourChange('provider', 'provider')).toEqual({});
  expect(flavourChange('terraform_data', 'terraform_data')).toEqual({});
  expect(flavourChange('terraform_data', 'provider')).toEqual({ migrateFrom: 'terraform_data' });
  expect(flavourChange('provider', 'terraform_data').problem).toBe(
    'the example estate was deployed with the provider flavour, and a move to terraform_data would delete and re-create every object: ' +
      'run npm start -- --destroy with the flavour it has (unset IMCO_EXAMPLE_FLAVOUR) first',
  );
});
