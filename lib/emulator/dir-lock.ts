// One emulator per state directory: `DIR/emulator.lock` holds the owner's pid; a lock left by a
// process that no longer runs is taken over. Also guards against two emulators in one process.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';

const heldInProcess = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the directory's lock; returns the function that releases it. */
export async function acquireDirectoryLock(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, 'emulator.lock');
  if (heldInProcess.has(dir)) throw new Error(`another emulator in this process already serves ${dir}; stop it first or use another directory`);
  try {
    await fs.writeFile(path, String(process.pid), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const owner = Number((await fs.readFile(path, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
      throw new Error(`another emulator (pid ${owner}) already serves ${dir}; stop it first or use another directory`);
    }
    await fs.writeFile(path, String(process.pid), { mode: 0o600 });
  }
  heldInProcess.add(dir);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    heldInProcess.delete(dir);
    await fs.rm(path, { force: true });
  };
}
