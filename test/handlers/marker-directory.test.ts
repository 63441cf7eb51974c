// A full, read-only or forbidden markers directory or TMPDIR (issue 13 item 9): the error names the
// path and the variable that moves it, where Node's own `ENOSPC: no space left on device, write`
// names neither. A real ENOSPC comes from /dev/full (a marker file linked to it).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pruneMarkerName } from '../../lib/spec/prune';
import { describeFileSystemRefusal, isFileSystemRefusal, markerDirectory } from '../../lib/handlers/marker-directory';
import { markCreated } from '../../lib/handlers/run-marker';
import { withEnv } from '../support/env';

const BRIDGE = join(__dirname, '..', '..', 'bin', 'imco-bridge.js');
/** Linux's always-full device: a marker file linked to it fails with a real ENOSPC. */
const withDevFull = (name: string, fn: () => void | Promise<void>) =>
  test(name, async () => {
    expect(existsSync('/dev/full')).toBe(true);
    await fn();
  });

const refusal = (code: string, path?: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: whatever, open${path ? ` '${path}'` : ''}`), { code, syscall: 'open', ...(path ? { path } : {}) });

test('the markers directory: where it is, and what a refusal there says', () => {
  withEnv({ IMCO_BRIDGE_MARKERS: undefined }, () => {
    const dir = markerDirectory();
    expect(dir).toBe(join(tmpdir(), 'imco-bridge-markers'));
    expect(describeFileSystemRefusal(refusal('EROFS', join(dir, 'x')))).toBe(
      `cannot write ${join(dir, 'x')}: read-only file system (EROFS); it must be writable, or point IMCO_BRIDGE_MARKERS at a writable directory with free space for imco-bridge's markers ` +
        '(by default it is $TMPDIR/imco-bridge-markers, so pointing TMPDIR elsewhere moves it too)',
    );
  });
  withEnv({ IMCO_BRIDGE_MARKERS: '/srv/markers' }, () => {
    expect(markerDirectory()).toBe('/srv/markers');
    expect(describeFileSystemRefusal(refusal('ENOSPC'), '/srv/markers/m1')).toBe(
      "cannot write /srv/markers/m1: no space left on device (ENOSPC); free space there, or point IMCO_BRIDGE_MARKERS at a writable directory with free space for imco-bridge's markers",
    );
    expect(describeFileSystemRefusal(refusal('EACCES', join(tmpdir(), 'imco-bridge-0')))).toBe(
      `cannot write ${join(tmpdir(), 'imco-bridge-0')}: permission denied (EACCES); it must be writable by this user, or point TMPDIR at a writable directory with free space`,
    );
  });
  expect(isFileSystemRefusal(refusal('ENOSPC'))).toBe(true);
  expect(isFileSystemRefusal(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(false);
});

withDevFull('a full disk under prune-record: the error names the marker file and IMCO_BRIDGE_MARKERS', async () => {
  const markers = mkdtempSync(join(tmpdir(), 'imco-full-'));
  symlinkSync('/dev/full', join(markers, pruneMarkerName('shop', 'https://imco.test/v2')));
  const triggers = JSON.stringify({ imco_prune: 'shop', imco_endpoint: 'https://imco.test/v2', imco_objects: '[]' });
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, [BRIDGE, 'prune-record'], { env: { ...process.env, IMCO_BRIDGE_MARKERS: markers, IMCO_BRIDGE_TRIGGERS: triggers } }, (_e, _o, err) =>
      resolve({ code: child.exitCode, stderr: err }),
    );
  });
  expect(code).toBe(1);
  expect(stderr.trim()).toBe(
    `imco-bridge prune-record: cannot write ${markers}: no space left on device (ENOSPC); free space there, or point IMCO_BRIDGE_MARKERS at a writable directory with free space for imco-bridge's markers`,
  );
});

withDevFull('a run marker that cannot be written is reported once, naming the file and IMCO_BRIDGE_MARKERS; the handler goes on', () => {
  const markers = mkdtempSync(join(tmpdir(), 'imco-full-'));
  symlinkSync('/dev/full', join(markers, 'tf-full'));
  const written: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    withEnv({ IMCO_BRIDGE_MARKERS: markers }, () => {
      markCreated('tf-full', '1:1');
      markCreated('tf-full', '1:1');
    });
  } finally {
    process.stderr.write = write;
  }
  expect(written).toEqual([
    `imco-bridge: warning: cannot write ${join(markers, 'tf-full')}: no space left on device (ENOSPC); free space there, or point IMCO_BRIDGE_MARKERS at a writable directory with free space for imco-bridge's markers. ` +
      'The apply goes on without run markers (an extra update, and a failed create retried by its _sync)\n',
  ]);
});
