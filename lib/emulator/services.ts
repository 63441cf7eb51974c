// The emulator's services every route handler and kind behaviour works with: object store, state
// machine, audit log, uploads and the kind behaviours, plus the public base URL for absolute links.
import type { AuditLog } from './audit';
import type { KindBehaviour } from './behaviour';
import type { StateMachine } from './machine';
import type { ObjectStore } from './store';
import type { UploadStore } from './uploads';

export interface EmulatorServices {
  readonly store: ObjectStore;
  readonly machine: StateMachine;
  readonly audit: AuditLog;
  readonly uploads: UploadStore;
  /** `https://127.0.0.1:PORT` (no path): base of upload and download URLs. */
  baseUrl(): string;
  behaviour(kind: string): KindBehaviour | undefined;
}
