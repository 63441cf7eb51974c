// Run markers: an object counts as created "in this apply" only for the same Terraform run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markCreated, terraformRunId, wasCreated } from '../../lib/handlers/markers';

beforeEach(() => {
  process.env.IMCO_BRIDGE_MARKERS = mkdtempSync(join(tmpdir(), 'imco-markers-'));
});
afterAll(() => {
  delete process.env.IMCO_BRIDGE_MARKERS;
});

test('a marker counts for the run that wrote it and not for a later run', () => {
  markCreated('0b1c-22', 'run-1');
  expect(wasCreated('0b1c-22', 'run-1')).toBe(true);
  expect(wasCreated('0b1c-22', 'run-2')).toBe(false);
  expect(wasCreated('other', 'run-1')).toBe(false);
});

test('without a run identity nothing is marked and nothing matches', () => {
  markCreated('0b1c-22', '');
  expect(wasCreated('0b1c-22', '')).toBe(false);
});

test('ids that are not Terraform ids are ignored', () => {
  markCreated('../../etc/passwd', 'run-1');
  expect(wasCreated('../../etc/passwd', 'run-1')).toBe(false);
});

test('the run identity is the process above the shell, with its start time', () => {
  const id = terraformRunId();
  expect(id).toMatch(/^\d+:\d+$/);
  expect(terraformRunId()).toBe(id);
});
