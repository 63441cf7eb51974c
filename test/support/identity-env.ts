// Jest set-up (each test file): synth reads the stack instance id from imco.identity.json beside
// imco.context.json, which for in-process synths is the repository root. Tests get one identity
// file of their own per worker instead (made here, so IMCO_CONTEXT=strict synths find it), and
// the repository never gains one. A test that needs another stack instance sets IMCO_IDENTITY_FILE.
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderIdentity } from '../../lib/synth/stack-identity';

if (!process.env.IMCO_IDENTITY_FILE) {
  const file = join(tmpdir(), `imco-test-identity-${process.pid}.json`);
  if (!existsSync(file)) writeFileSync(file, renderIdentity(`test${process.pid}`.padEnd(12, '0')));
  process.env.IMCO_IDENTITY_FILE = file;
}
