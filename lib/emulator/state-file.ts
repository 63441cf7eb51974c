// Persistence of the platform state to `DIR/state.json`: written atomically (temp file + rename,
// mode 0600 because the platform's own storage holds secrets), debounced after changes (at most
// one write per SAVE_DELAY_MS, never synchronously in the request path) and once more on stop.
import { promises as fs } from 'node:fs';
import type { StoredObject } from './store';
import type { Transition } from './machine';

export const STATE_FORMAT = 'imco-emulator-state';
export const STATE_VERSION = 1;
export const SAVE_DELAY_MS = 50;

export interface StateDocument {
  readonly format: typeof STATE_FORMAT;
  readonly version: number;
  readonly savedAt: string;
  readonly objects: Record<string, StoredObject[]>;
  readonly counters: Record<string, number>;
  readonly transitions: Transition[];
}

/** Reads the state file; undefined when there is none. Throws naming the file when it is unusable. */
export async function readStateFile(path: string): Promise<StateDocument | undefined> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  let doc: StateDocument;
  try {
    doc = JSON.parse(text) as StateDocument;
  } catch (err) {
    throw new Error(`state file ${path} is not valid JSON (${(err as Error).message}); move it away to start from fresh seeds`);
  }
  if (doc?.format !== STATE_FORMAT || doc.version !== STATE_VERSION) {
    throw new Error(`state file ${path} is not an imco-emulator state (format ${STATE_FORMAT} v${STATE_VERSION}); move it away to start fresh`);
  }
  return doc;
}

export class StateFile {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  private tempCounter = 0;

  constructor(
    readonly path: string,
    private readonly snapshot: () => StateDocument,
  ) {}

  /** Marks the state changed; a save follows within SAVE_DELAY_MS. */
  changed(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save().catch((err: Error) => process.stderr.write(`imco-emulator: ${err.message}\n`));
    }, SAVE_DELAY_MS);
    this.timer.unref();
  }

  /** Writes the current state now (after any write in progress). */
  save(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.writing = this.writing.catch(() => undefined).then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      const text = JSON.stringify(this.snapshot());
      const temp = `${this.path}.tmp-${process.pid}-${++this.tempCounter}`;
      try {
        await fs.writeFile(temp, text, { mode: 0o600 });
        await fs.rename(temp, this.path);
      } catch (err) {
        this.dirty = true;
        throw new Error(`cannot save the emulator state to ${this.path} (${(err as Error).message}); check that the state directory still exists and is writable`);
      }
    });
    return this.writing;
  }

  /** Forces a write even when nothing changed (used on first start). */
  saveNow(): Promise<void> {
    this.dirty = true;
    return this.save();
  }
}
