// Public in-process interface of the IMCO API v2 emulator: startEmulator(options) creates or loads
// the state directory (certificates, client.xml, state.json, journal.jsonl), serves the API over
// mutual TLS and returns the endpoint, credential paths, stop() and test hooks.
import { promises as fs } from 'node:fs';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { AUDIT_EVENT_KIND, KINDS, LABEL_KIND, kindSpec } from '../catalog';
import { AuditLog } from './audit';
import type { KindBehaviour } from './behaviour';
import { ensureCertificates } from './certs';
import { writeClientXml } from './client-xml';
import type { EmulatorServices } from './services';
import { FaultInjector } from './faults';
import { createApiServer } from './http-server';
import { Journal } from './journal';
import { leaving, stateChanged } from './lifecycle';
import { StateMachine } from './machine';
import { resolveOptions, type EmulatorOptions } from './options';
import { render } from './render';
import { BEHAVIOURS, buildRouter } from './routes';
import { seed } from '../kinds/platform/seeds';
import { readStateFile, StateFile, STATE_FORMAT, STATE_VERSION, type StateDocument } from './state-file';
import { isSeed, ObjectStore } from './store';
import { UploadStore } from './uploads';
import { acquireDirectoryLock } from './dir-lock';

export type { EmulatorOptions } from './options';

export interface EmulatorInfo {
  /** `https://127.0.0.1:PORT/v2` */
  endpoint: string;
  caCert: string;
  clientCert: string;
  clientKey: string;
  clientXml: string;
}

/** A managed object that is not part of the seeded platform. */
export interface UserObject {
  readonly kind: string;
  readonly id: string;
  readonly name?: string;
  readonly state?: string;
}

export interface RunningEmulator extends EmulatorInfo {
  port: number;
  dir: string;
  /** Stops serving, persists state and closes the journal. Idempotent. */
  stop(): Promise<void>;
  readonly statePath: string;
  readonly journalPath: string;
  /** Every object by kind in wire form (secrets omitted), seeds included. */
  snapshot(): Record<string, Record<string, unknown>[]>;
  /** Objects users created (all catalog kinds except labels and events), e.g. to check a destroy left nothing behind. */
  userObjects(): UserObject[];
  /** Whether the object with this id was seeded. */
  isSeeded(kind: string, id: string): boolean;
  /** Replaces the fault specification (and reseeds the fault PRNG). */
  setFaults(spec: string, seed?: number): void;
  setLatency(ms: number): void;
  /** Changes the state-machine step duration (e.g. very long to observe a transitional state, then short again). */
  setTickMs(ms: number): void;
  /** Puts an object into a state now (e.g. `stalled`), cancelling its pending steps; records the event. */
  forceState(kind: string, id: string, state: string): void;
  /** Resolves once no state transition is pending. */
  settle(): Promise<void>;
  /** Writes the state file and the journal now. */
  flush(): Promise<void>;
}

/** Kinds whose objects are bookkeeping, not the user's: labels and the audit log. */
const USER_KIND_EXCLUSIONS = new Set([LABEL_KIND, AUDIT_EVENT_KIND]);

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`port ${port} on ${host} is in use; choose another port, or 0 for any free port`)
          : err,
      );
    };
    const onListening = () => {
      server.off('error', onError);
      resolvePort((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function endpointHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '127.0.0.1' || host === 'localhost') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startEmulator(opts: EmulatorOptions): Promise<RunningEmulator> {
  const options = resolveOptions(opts);
  const dir = resolve(options.dir);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const releaseLock = await acquireDirectoryLock(dir);
  try {
    return await startIn(dir, options, releaseLock);
  } catch (err) {
    await releaseLock();
    throw err;
  }
}

/** The emulator's object store, audit log, state machine and the services the routes get. */
function createServices(dir: string, tickMs: number): { ctx: EmulatorServices; setBaseUrl(url: string): void } {
  const store = new ObjectStore();
  const audit = new AuditLog(store);
  const behaviours = new Map<string, KindBehaviour>(BEHAVIOURS.map((b) => [b.kind, b]));
  let baseUrl = '';
  // The machine's hooks need the services and the services hold the machine: the hooks look the
  // services up when they run, which is only after both exist.
  const hooks = { ctx: undefined as EmulatorServices | undefined };
  const machine = new StateMachine(store, tickMs, {
    onState: (kind, obj, previous, next) => stateChanged(hooks.ctx!, kind, obj, previous, next),
    onGone: (kind, obj) => leaving(hooks.ctx!, kind, obj),
  });
  const ctx: EmulatorServices = {
    store,
    audit,
    machine,
    uploads: new UploadStore(join(dir, 'uploads')),
    baseUrl: () => baseUrl,
    behaviour: (kind) => behaviours.get(kind),
  };
  hooks.ctx = ctx;
  return {
    ctx,
    setBaseUrl: (url) => {
      baseUrl = url;
    },
  };
}

/** The state file: loaded objects (or the seeded platform), saved whenever the store changes. */
async function openState(ctx: EmulatorServices, statePath: string): Promise<{ stateFile: StateFile; transitions: StateDocument['transitions'] }> {
  const { store, audit, machine } = ctx;
  const saved = await readStateFile(statePath);
  if (saved) store.load(saved.objects, saved.counters);
  else seed(store, audit);
  const stateFile = new StateFile(statePath, () => ({
    format: STATE_FORMAT,
    version: STATE_VERSION,
    savedAt: new Date().toISOString(),
    objects: store.exportObjects(),
    counters: store.exportCounters(),
    transitions: machine.export(),
  }));
  store.onChange(() => stateFile.changed());
  return { stateFile, transitions: saved?.transitions ?? [] };
}

async function startIn(dir: string, options: ReturnType<typeof resolveOptions>, releaseLock: () => Promise<void>): Promise<RunningEmulator> {
  const credentials = await ensureCertificates(dir, [options.host]);
  const statePath = join(dir, 'state.json');
  const journalPath = join(dir, 'journal.jsonl');
  const { ctx, setBaseUrl } = createServices(dir, options.tickMs);
  const { stateFile, transitions } = await openState(ctx, statePath);

  const journal = new Journal(journalPath, options.journal);
  const faults = new FaultInjector(options.faults, options.seed);
  const latency = { ms: options.latencyMs };
  const server = createApiServer(credentials, { ctx, router: buildRouter(BEHAVIOURS), journal, faults, latencyMs: () => latency.ms });

  let port: number;
  try {
    port = await listen(server, options.host, options.port);
  } catch (err) {
    await journal.close();
    throw err;
  }
  const baseUrl = `https://${endpointHost(options.host)}:${port}`;
  setBaseUrl(baseUrl);
  const endpoint = `${baseUrl}/v2`;
  ctx.machine.resume(transitions);
  const clientXml = await writeClientXml(dir, endpoint, credentials.paths);
  await stateFile.saveNow();

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      ctx.machine.stop();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 250);
      await closed;
      clearTimeout(force);
      await stateFile.saveNow();
      await journal.close();
      await releaseLock();
    })());

  const info = { endpoint, caCert: credentials.paths.caCert, clientCert: credentials.paths.clientCert, clientKey: credentials.paths.clientKey, clientXml };
  return { ...info, port, dir, statePath, journalPath, stop, ...testHooks(ctx, faults, latency, stateFile, journal) };
}

type TestHooks = Omit<RunningEmulator, keyof EmulatorInfo | 'port' | 'dir' | 'statePath' | 'journalPath' | 'stop'>;

/** What tests do to a running emulator: look at its objects, inject faults, latency and states, settle, flush. */
function testHooks(ctx: EmulatorServices, faults: FaultInjector, latency: { ms: number }, stateFile: StateFile, journal: Journal): TestHooks {
  const { store, audit, machine } = ctx;
  return {
    snapshot() {
      const out: Record<string, Record<string, unknown>[]> = {};
      for (const spec of KINDS) {
        const objects = spec.kind === AUDIT_EVENT_KIND ? audit.events() : store.list(spec.kind);
        if (objects.length > 0) out[spec.kind] = objects.map((o) => render(ctx, spec, o));
      }
      return out;
    },
    userObjects() {
      return KINDS.filter((k) => !USER_KIND_EXCLUSIONS.has(k.kind)).flatMap((spec) =>
        store
          .list(spec.kind)
          .filter((o) => !isSeed(o))
          .map((o) => ({
            kind: spec.kind,
            id: o.id,
            ...(spec.nameField && typeof o[spec.nameField] === 'string' ? { name: o[spec.nameField] as string } : {}),
            ...(typeof o.state === 'string' ? { state: o.state } : {}),
          })),
      );
    },
    isSeeded(kind, id) {
      const obj = store.get(kind, id);
      return obj !== undefined && isSeed(obj);
    },
    setFaults(spec, faultSeed) {
      faults.configure(spec, faultSeed);
    },
    setLatency(ms) {
      if (!Number.isInteger(ms) || ms < 0) throw new Error(`latency ${ms} ms is not a whole number >= 0`);
      latency.ms = ms;
    },
    setTickMs(ms) {
      if (!Number.isInteger(ms) || ms < 1) throw new Error(`tick ${ms} ms is not a whole number >= 1`);
      machine.setTick(ms);
    },
    forceState(kind, id, state) {
      forceState(ctx, kind, id, state);
    },
    settle: () => machine.whenIdle(),
    async flush() {
      await stateFile.saveNow();
      await journal.flush();
    },
  };
}

/** Puts an object into a state now, cancelling its pending steps; records the event. */
function forceState(ctx: EmulatorServices, kind: string, id: string, state: string): void {
  const spec = kindSpec(kind);
  const obj = ctx.store.get(kind, id);
  if (!obj) throw new Error(`no ${spec.title} with id '${id}'`);
  if (!spec.lifecycle?.states.includes(state)) {
    throw new Error(`'${state}' is not a ${spec.title} state; use one of ${spec.lifecycle?.states.join(', ') ?? '(none: the kind has no states)'}`);
  }
  ctx.machine.cancel(kind, id);
  const previous = obj.state;
  obj.state = state;
  stateChanged(ctx, kind, obj, previous, state);
  ctx.store.changed();
}
