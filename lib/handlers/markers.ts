// Run markers: a create handler leaves a marker named after its Terraform resource id, so that the
// action resources created in the same apply (reboot, script executions) skip their first run on a
// brand-new object. A missing marker only costs one extra action; it never affects correctness.
// Markers older than a week are swept at most once an hour (a sweep stats every marker).
import { mkdirSync, writeFileSync, rmSync, existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAX_AGE_MS = 7 * 24 * 3600 * 1000;
const SWEEP_EVERY_MS = 3600 * 1000;
/** Its mtime is the time of the last sweep; its name cannot be a marker (not a Terraform id). */
const SWEPT_STAMP = '.swept';

function markerDir(): string {
  return process.env.IMCO_BRIDGE_MARKERS ?? join(tmpdir(), 'imco-bridge-markers');
}

function safe(tfId: string): string | undefined {
  return /^[A-Za-z0-9-]{1,100}$/.test(tfId) ? tfId : undefined;
}

/** Records that the object of Terraform resource `tfId` was created by this apply. */
export function markCreated(tfId: string | undefined): void {
  const id = tfId && safe(tfId);
  if (!id) return;
  try {
    mkdirSync(markerDir(), { recursive: true, mode: 0o700 });
    writeFileSync(join(markerDir(), id), new Date().toISOString());
    prune();
  } catch {
    // best effort
  }
}

/** True when `tfId` was created in this apply (the marker stays for other readers). */
export function wasCreated(tfId: string | undefined): boolean {
  const id = tfId && safe(tfId);
  return !!id && existsSync(join(markerDir(), id));
}

function prune(): void {
  const dir = markerDir();
  const now = Date.now();
  const stamp = join(dir, SWEPT_STAMP);
  try {
    if (now - statSync(stamp).mtimeMs < SWEEP_EVERY_MS) return;
  } catch {
    // never swept
  }
  writeFileSync(stamp, '');
  for (const name of readdirSync(dir)) {
    if (name === SWEPT_STAMP) continue;
    try {
      if (now - statSync(join(dir, name)).mtimeMs > MAX_AGE_MS) rmSync(join(dir, name), { force: true });
    } catch {
      // best effort
    }
  }
}
