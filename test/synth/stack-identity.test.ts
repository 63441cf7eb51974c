// imco.identity.json: made once with a random id, read back unchanged, beside imco.context.json
// by default; strict mode (CI) and a damaged file fail with a message that says what to do.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { identityFilePath, stackInstanceId } from '../../lib/synth/stack-identity';
import { withEnv } from '../support/env';

const dir = () => mkdtempSync(join(tmpdir(), 'imco-identity-'));

test('the first synth makes the id, later ones read the same; another directory gets another', () => {
  const a = join(dir(), 'imco.identity.json');
  const id = stackInstanceId(a);
  expect(id).toMatch(/^[0-9a-f]{16}$/);
  expect(JSON.parse(readFileSync(a, 'utf8'))).toEqual({ instance: id });
  expect(stackInstanceId(a)).toBe(id);
  expect(stackInstanceId(join(dir(), 'imco.identity.json'))).not.toBe(id);
});

test('the file sits beside imco.context.json unless IMCO_IDENTITY_FILE names one', () => {
  const d = dir();
  withEnv({ IMCO_IDENTITY_FILE: undefined, IMCO_CONTEXT_FILE: join(d, 'imco.context.json') }, () => {
    expect(identityFilePath()).toBe(join(d, 'imco.identity.json'));
  });
  withEnv({ IMCO_IDENTITY_FILE: join(d, 'other.json') }, () => expect(identityFilePath()).toBe(join(d, 'other.json')));
});

test('IMCO_CONTEXT=strict refuses to invent an id, and a damaged file is refused', () => {
  const missing = join(dir(), 'imco.identity.json');
  withEnv({ IMCO_CONTEXT: 'strict' }, () => {
    expect(() => stackInstanceId(missing)).toThrow(/is missing \(IMCO_CONTEXT=strict\).*commit imco.identity.json/);
  });
  const bad = join(dir(), 'imco.identity.json');
  writeFileSync(bad, '{"instance": "no spaces allowed"}');
  expect(() => stackInstanceId(bad)).toThrow(/must be \{"instance".*restore it from version control/);
});
