// The narrow API surface the handlers need from the IMCO client. Keeping it small makes the
// reconcile logic easy to read and lets tests count exactly which calls a handler makes.

/** A live IMCO object as the API returns it. */
export interface LiveObject {
  readonly id: string;
  readonly [field: string]: unknown;
}

export type ParentParams = Readonly<Record<string, string>>;

export interface WaitOptions {
  readonly timeoutMs: number;
  readonly parentParams?: ParentParams;
  readonly onProgress?: (obj: LiveObject, elapsedMs: number) => void;
}

export interface BridgeApi {
  /** The normalised endpoint the client talks to. */
  readonly endpoint: string;
  /** The endpoint and client identity: the same for every client of one IMCO account (keys the run's shared labels). */
  readonly account?: string;
  list(kind: string, parentParams?: ParentParams): Promise<LiveObject[]>;
  show(kind: string, id: string, parentParams?: ParentParams): Promise<LiveObject>;
  /** Creates once: when the outcome of the POST is unknown, `find` decides whether it happened. */
  createOnce(
    kind: string,
    body: Record<string, unknown>,
    find: () => Promise<LiveObject | undefined>,
    parentParams?: ParentParams,
  ): Promise<LiveObject>;
  update(kind: string, id: string, body: Record<string, unknown>, parentParams?: ParentParams): Promise<LiveObject>;
  /** Deletes; resolves false when the object was already gone. */
  remove(kind: string, id: string, parentParams?: ParentParams): Promise<boolean>;
  action(kind: string, name: string, id: string, body?: Record<string, unknown>, parentParams?: ParentParams): Promise<unknown>;
  /** Polls until `states` includes the object's state; throws on failure states or the deadline. */
  waitForState(kind: string, id: string, states: readonly string[], opts: WaitOptions): Promise<LiveObject>;
  waitForGone(kind: string, id: string, opts: WaitOptions): Promise<void>;
  /** Any catalog operation by id (`template_script.reorder`, `label.assign`): path, method and retry safety from the catalog. */
  call<T = unknown>(op: string, params?: ParentParams, body?: unknown, query?: Readonly<Record<string, string>>): Promise<T>;
  upload(url: string, data: Buffer): Promise<void>;
  download(url: string): Promise<Buffer>;
  close(): void;
}

/** True when an error is an IMCO HTTP error with this status. */
export function isHttpStatus(err: unknown, status: number): boolean {
  return typeof err === 'object' && err !== null && (err as { status?: number }).status === status;
}
