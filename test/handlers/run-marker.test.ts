// Run markers: an object counts as created "in this apply" only for the same Terraform run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFailure, markCreated, markCreateFailed, terraformRunId, wasCreated } from '../../lib/handlers/run-marker';

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

test('a failed create is recorded with its reason for its own run only, and does not count as created', () => {
  markCreateFailed('0b1c-23', 'IMCO VPC x still provisioning after 2s\nsecond line', 'run-1');
  expect(createFailure('0b1c-23', 'run-1')).toBe('IMCO VPC x still provisioning after 2s');
  expect(wasCreated('0b1c-23', 'run-1')).toBe(false);
  expect(createFailure('0b1c-23', 'run-2')).toBeUndefined();
  // A later successful create in the same run replaces the failure.
  markCreated('0b1c-23', 'run-1');
  expect(createFailure('0b1c-23', 'run-1')).toBeUndefined();
  expect(wasCreated('0b1c-23', 'run-1')).toBe(true);
});

test('under the bridge server the run identity comes from IMCO_BRIDGE_RUN_ID', () => {
  process.env.IMCO_BRIDGE_RUN_ID = '4242:777';
  try {
    expect(terraformRunId()).toBe('4242:777');
  } finally {
    delete process.env.IMCO_BRIDGE_RUN_ID;
  }
});
