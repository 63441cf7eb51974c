// ImcoClient: the public client. Resolves configuration (explicit or cio-style discovery), loads
// and checks credentials, owns the mTLS agent and transport, and offers the generic surface
// (`request`, `call` by catalog op id, per-kind `list/show/create/update/remove/action`,
// `createOnce`, `waitFor`, `waitForGone`, `uploadTo`, `ping`) with the catalog-built facades on top
// (`client.vpcs.list()`, `client.kind('vpc')`; lib/client/kind-facade.ts).
import type * as https from 'node:https';
import * as util from 'node:util';
import { AUDIT_EVENTS_OP, endpoint as endpointSpec, findEndpoint, fillPath, kindSpec, type EndpointSpec, type KindSpec } from '../catalog';
import { createMutualTlsAgent, isSharedAgent, probeClientCertificate } from './agent';
import {
  CONCERTO_ENV,
  describeConfig,
  discoverConfig,
  explicitConfig,
  type DiscoveredConfig,
  type ImcoResolvedConfig,
} from './config';
import { loadCredentials } from './credentials';
import { answerShapeProblem } from './answer-shape';
import type { CreateOnceOptions, ImcoClientOptions, ImcoEnvironmentOptions, ImcoRequest, PathParams, QueryParams } from './client-options';
import { ImcoError, ImcoOutcomeUnknownError, isNotFound, type WaitFailureEvent } from './errors';
import { ClientFacades, LateFacadeHost } from './facade-set';
import { SecretScrubber } from './redaction';
import { resolveRetryPolicy, type RetryPolicy } from './retry';
import { Transport, type SendResult } from './transport';
import type { AuditEvent, ImcoObject, PingResult } from './types';
import { resolveTransferUrl, uploadStreamFactory, type UploadSource } from './upload';
import { waitFor, waitForGone, type StatefulObject, type WaitForGoneOptions, type WaitOptions, type WaitTarget } from './wait';

export type { CreateOnceOptions, ImcoClientOptions, ImcoEnvironmentOptions, ImcoRequest, PathParams, QueryParams } from './client-options';

const DEFAULT_TIMEOUT_MS = 30_000;

const EVENTS_ON_FAILURE = 5;

export class ImcoClient extends ClientFacades {
  /** Discovery result handed from `fromEnvironment` to the constructor (synchronously). */
  static #discovered: DiscoveredConfig | undefined;

  /** Endpoint and credential paths, and where each came from. Never holds key material. */
  readonly config: ImcoResolvedConfig;
  /** Who asks where: the endpoint and the client certificate's fingerprint (public material only). */
  readonly account: string;
  readonly #agent: https.Agent;
  readonly #transport: Transport;
  readonly #scrubber = new SecretScrubber();
  readonly #retry: RetryPolicy;


  /**
   * Finds endpoint and credentials like the `cio` CLI: explicit options, then CONCERTO_ENDPOINT,
   * CONCERTO_CA_CERT, CONCERTO_CLIENT_CERT, CONCERTO_CLIENT_KEY, then the `client.xml` named by
   * CONCERTO_CONFIG (or `configPath`), else `~/.concerto/client.xml`.
   */
  static fromEnvironment(options: ImcoEnvironmentOptions = {}): ImcoClient {
    ImcoClient.#discovered = discoverConfig(options);
    try {
      return new ImcoClient(options);
    } finally {
      ImcoClient.#discovered = undefined;
    }
  }

  /** A client for explicit endpoint and credentials (paths or PEM contents); nothing is discovered. */
  constructor(options: ImcoClientOptions) {
    const host = new LateFacadeHost();
    super(host);
    const discovered = ImcoClient.#discovered ?? explicitConfig(options);
    ImcoClient.#discovered = undefined;
    this.config = discovered.config;
    const credentials = loadCredentials(discovered.config, discovered.inline);
    this.account = `${this.config.endpoint} ${credentials.clientCertificate.fingerprint256}`;
    this.#scrubber.addPrivateKeyPem(credentials.keyPem);
    this.#retry = resolveRetryPolicy(options.retry);
    this.#agent = createMutualTlsAgent(credentials, { maxSockets: options.maxSockets });
    this.#transport = new Transport({
      endpoint: this.config.endpoint,
      agent: this.#agent,
      retry: this.#retry,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      onRequest: options.onRequest,
      scrubber: this.#scrubber,
      config: this.config,
      clientCertificate: credentials.clientCertificate,
      userAgent: options.userAgent ?? 'imco-cdktf',
      probe: (host, port) => probeClientCertificate(credentials, host, port),
      deadline: options.deadline,
    });

    host.attach({
      endpoint: this.config.endpoint,
      call: (op, params, body, query) => this.call(op, params, body, query),
      removeVia: (op, params) => this.#removeVia(op, params),
    });
  }

  /** The normalised endpoint, e.g. `https://clients.example.com:886/v2`. */
  get endpoint(): string {
    return this.config.endpoint;
  }

  /** Lines describing the configuration and where each value came from (for `--verbose`). */
  describeConfig(): string[] {
    return describeConfig(this.config);
  }

  /** Releases pooled connections. The client must not be used afterwards. */
  close(): void {
    if (!isSharedAgent(this.#agent)) this.#agent.destroy();
  }

  // ---------------------------------------------------------------- generic requests

  /** Any request relative to the endpoint; resolves the parsed JSON answer (undefined when empty). */
  async request<T = unknown>(request: ImcoRequest): Promise<T> {
    const result = await this.#transport.send<T>({
      method: request.method,
      path: request.path,
      body: request.body,
      query: request.query,
      idempotent: request.idempotent,
    });
    return result.data;
  }

  /** Any catalog endpoint by op id, e.g. `call('vpc.show', { id })`. */
  async call<T = unknown>(op: string, params: PathParams = {}, body?: unknown, query?: QueryParams): Promise<T> {
    return (await this.#send<T>(op, params, body, query)).data;
  }

  /** `GET /ping`: resolves when IMCO answers 2xx over mTLS (the body is not interpreted). */
  async ping(): Promise<PingResult> {
    const result = await this.#transport.send<string>({ method: 'GET', path: endpointSpec('ping.get').path, responseType: 'text' });
    return { ok: true, status: result.status };
  }

  // ---------------------------------------------------------------- per-kind helpers

  /** Lists the objects of a kind (children: pass the parent, e.g. `{ vpc_id }`). */
  async list<T = ImcoObject>(kind: string, parentParams: PathParams = {}): Promise<T[]> {
    return this.#shaped<T[]>(this.#op(kind, 'list'), parentParams, undefined, 'list');
  }

  /**
   * Reads one object. Kinds without a show endpoint (SaaS accounts) are read from their list; a
   * missing object is a 404 ImcoError either way. Singletons (a VPC's VPN) are addressed by
   * `parentParams` alone.
   */
  async show<T = ImcoObject>(kind: string, id: string, parentParams: PathParams = {}): Promise<T> {
    const showOp = `${kind}.show`;
    if (findEndpoint(showOp)) return this.#shaped<T>(showOp, { ...parentParams, id }, undefined, 'object');
    const listOp = this.#op(kind, 'list');
    const all = await this.#shaped<ImcoObject[]>(listOp, parentParams, undefined, 'list');
    const found = all.find((o) => o.id === id);
    if (!found) {
      const path = fillPath(endpointSpec(listOp).path, parentParams);
      throw new ImcoError(`IMCO ${this.#kind(kind).title} ${id} not found (looked in GET ${path})`, {
        code: 'http',
        status: 404,
        method: 'GET',
        path,
        messages: ['not found'],
      });
    }
    return found as T;
  }

  /** Creates an object. A lost answer throws `ImcoOutcomeUnknownError`; see `createOnce`. */
  async create<T = ImcoObject>(kind: string, body: unknown, parentParams: PathParams = {}): Promise<T> {
    return this.#shaped<T>(this.#op(kind, 'create'), parentParams, body, 'object');
  }

  /** Updates an object in place (PUT). */
  async update<T = ImcoObject>(kind: string, id: string, body: unknown, parentParams: PathParams = {}): Promise<T> {
    return this.#shaped<T>(this.#op(kind, 'update'), { ...parentParams, id }, body, 'object');
  }

  /**
   * Deletes an object: `true` when deleted, `false` when it did not exist (404). A 404 after a
   * retried DELETE whose first answer was lost counts as deleted (`true`).
   */
  async remove(kind: string, id: string, parentParams: PathParams = {}): Promise<boolean> {
    return this.#removeVia(this.#op(kind, 'delete'), { ...parentParams, id });
  }

  /** Runs a catalog action (`boot`, `compile`, `attach`, `enlarge`, …) on an object. */
  async action<T = ImcoObject>(kind: string, name: string, id: string, body?: unknown, parentParams: PathParams = {}): Promise<T> {
    return this.call<T>(this.#op(kind, name), { ...parentParams, id }, body);
  }

  /**
   * Creates exactly once: when a create's outcome is unknown (answer lost), asks `find()` whether
   * the object exists and returns it if so; creates again only when `find()` says it does not.
   */
  async createOnce<T = ImcoObject>(kind: string, body: unknown, options: CreateOnceOptions<T>): Promise<T> {
    const maxCreates = options.maxCreates ?? this.#retry.attempts;
    for (let creates = 1; ; creates++) {
      try {
        return await this.create<T>(kind, body, options.parentParams);
      } catch (err) {
        if (!(err instanceof ImcoOutcomeUnknownError)) throw err;
        let found: T | undefined | null;
        try {
          found = await options.find();
        } catch (findError) {
          const why = findError instanceof Error ? findError.message : String(findError);
          throw new ImcoOutcomeUnknownError(`${err.message}; looking it up failed too: ${this.#scrubber.scrub(why)}`, {
            method: err.method,
            path: err.path,
            attempts: creates,
          });
        }
        if (found) return found;
        if (creates >= maxCreates) {
          throw new ImcoOutcomeUnknownError(`${err.message} (${creates} creates sent, none confirmed, object not found)`, {
            method: err.method,
            path: err.path,
            attempts: creates,
          });
        }
      }
    }
  }

  // ---------------------------------------------------------------- waiting

  /**
   * Polls the object (100 ms first, growing to 3 s) until `target` holds (a predicate or
   * `{ states }`). Throws `ImcoWaitError` on the kind's failure states (e.g. `stalled`), when the
   * object disappears, or at the deadline; the error carries the object's latest audit events.
   */
  async waitFor<T extends StatefulObject = ImcoObject>(
    kind: string,
    id: string,
    target: WaitTarget<T>,
    options: WaitOptions<T> = {},
  ): Promise<T> {
    this.#kind(kind);
    return waitFor<T>(this.#waitHost(), kind, id, target, options);
  }

  /** Polls until the object answers 404 (deleted); throws `ImcoWaitError` at the deadline. */
  async waitForGone(kind: string, id: string, options: WaitForGoneOptions = {}): Promise<void> {
    this.#kind(kind);
    return waitForGone(this.#waitHost(), kind, id, options);
  }

  // ---------------------------------------------------------------- uploads

  /**
   * PUTs raw bytes to an `upload_url` (absolute, from IMCO) over the same mTLS agent: chunked
   * transfer encoding, no Content-Type. Retried from the start on transient failures.
   */
  async uploadTo(uploadUrl: string, source: UploadSource): Promise<void> {
    const url = resolveTransferUrl(uploadUrl, this.config.endpoint, 'upload', 'file');
    const stream = uploadStreamFactory(source);
    await this.#transport.send<string>({ method: 'PUT', url: url.toString(), stream, idempotent: true, responseType: 'text' });
  }

  /**
   * GETs a `download_url` (absolute, from IMCO) over the same mTLS agent and returns the raw bytes.
   * Only 200 counts as success, as in cio.
   */
  async downloadFrom(downloadUrl: string): Promise<Buffer> {
    const url = resolveTransferUrl(downloadUrl, this.config.endpoint, 'download', 'file');
    const result = await this.#transport.send<Buffer>({ method: 'GET', url: url.toString(), responseType: 'bytes', expectStatus: 200 });
    return result.data;
  }

  // ---------------------------------------------------------------- internals

  /** The catalog entry of a kind, or a `config` ImcoError naming the known kinds. */
  #kind(kind: string): KindSpec {
    try {
      return kindSpec(kind);
    } catch (err) {
      throw new ImcoError((err as Error).message, { code: 'config' });
    }
  }

  #op(kind: string, operation: string): string {
    const op = `${kind}.${operation}`;
    if (!findEndpoint(op)) {
      const title = this.#kind(kind).title;
      throw new ImcoError(`IMCO ${title} has no '${operation}' operation (no endpoint ${op} in the catalog)`, { code: 'config' });
    }
    return op;
  }

  #spec(op: string): EndpointSpec {
    if (!findEndpoint(op)) {
      throw new ImcoError(`unknown IMCO operation '${op}' (see ENDPOINTS in lib/catalog for the op ids)`, { code: 'config' });
    }
    return endpointSpec(op);
  }

  async #send<T>(op: string, params: PathParams, body?: unknown, query?: QueryParams): Promise<SendResult<T>> {
    const spec = this.#spec(op);
    let path: string;
    try {
      path = fillPath(spec.path, params);
    } catch {
      const needed = [...spec.path.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]);
      throw new ImcoError(`IMCO ${op} (${spec.method} ${spec.path}) needs path parameters ${needed.join(', ')}`, { code: 'config' });
    }
    const payload = body === undefined && spec.body ? {} : body;
    return this.#transport.send<T>({
      method: spec.method,
      path,
      body: payload,
      query,
      idempotent: spec.method === 'POST' ? spec.idempotent === true : undefined,
    });
  }

  /**
   * Sends and checks the answer's shape: a list of objects with string ids, or one such object. An
   * error body with a success status, or any other shape, becomes an `http` ImcoError (instead of a
   * TypeError deep inside the caller).
   */
  async #shaped<T>(op: string, params: PathParams, body: unknown, shape: 'list' | 'object'): Promise<T> {
    const result = await this.#send<unknown>(op, params, body);
    const spec = endpointSpec(op);
    const problem = answerShapeProblem(result.data, shape);
    if (!problem) return result.data as T;
    const path = fillPath(spec.path, params);
    const at = `IMCO ${spec.method} ${path} answered ${result.status} with`;
    if (problem.error) {
      throw new ImcoError(this.#scrubber.scrub(`${at} an error: ${problem.error.messages.join('; ')}`), {
        code: 'http',
        status: result.status,
        method: spec.method,
        path,
        messages: problem.error.messages,
        fieldErrors: problem.error.fieldErrors,
      });
    }
    throw new ImcoError(`${at} ${problem.text}; check that ${CONCERTO_ENV.endpoint} points at the IMCO API (…/v2)`, {
      code: 'http',
      status: result.status,
      method: spec.method,
      path,
      messages: [problem.text],
    });
  }

  async #removeVia(op: string, params: PathParams): Promise<boolean> {
    try {
      await this.#send(op, params);
      return true;
    } catch (err) {
      if (isNotFound(err)) return (err as ImcoError).afterLostAnswer;
      throw err;
    }
  }

  #waitHost() {
    return {
      show: (kind: string, id: string, parentParams?: PathParams) => this.show<ImcoObject>(kind, id, parentParams),
      recentEvents: (kind: string, id: string, object?: ImcoObject) => this.#recentEvents(kind, id, object),
      scrub: (text: string) => this.#scrubber.scrub(text),
    };
  }

  /** Latest audit events about an object, newest first; best effort, never throws. */
  async #recentEvents(kind: string, id: string, object?: ImcoObject): Promise<WaitFailureEvent[]> {
    try {
      let events: AuditEvent[];
      const ownEvents = `${kind}.events`;
      if (findEndpoint(ownEvents)) {
        events = await this.call<AuditEvent[]>(ownEvents, { id });
      } else {
        const name = typeof object?.name === 'string' && object.name.length >= 3 ? object.name : undefined;
        const all = await this.call<AuditEvent[]>(AUDIT_EVENTS_OP);
        events = all.filter((e) => {
          const text = `${e.header ?? ''} ${e.description ?? ''}`;
          return text.includes(id) || (name !== undefined && text.includes(name));
        });
      }
      return events.slice(0, EVENTS_ON_FAILURE).map((e) => ({
        timestamp: e.timestamp,
        level: e.level,
        header: e.header ? this.#scrubber.scrub(e.header) : e.header,
        description: e.description ? this.#scrubber.scrub(e.description) : e.description,
      }));
    } catch {
      return [];
    }
  }

  toJSON(): Record<string, unknown> {
    return { endpoint: this.config.endpoint, config: describeConfig(this.config) };
  }

  [util.inspect.custom](): string {
    return `ImcoClient { endpoint: '${this.config.endpoint}' }`;
  }
}
