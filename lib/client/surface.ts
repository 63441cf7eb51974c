// The client's public surface without the IMCO object types: ImcoClient, its errors, configuration
// discovery, retry policy, wait and upload types. Export-only; re-exported by lib/client/index.ts
// and by the package root (which keeps the object types in a `wire` namespace).
export { ImcoClient } from './client';
export type { ImcoClientOptions, ImcoEnvironmentOptions, ImcoRequest, CreateOnceOptions, PathParams, QueryParams } from './client';
export {
  ImcoError,
  ImcoOutcomeUnknownError,
  ImcoWaitError,
  isNotFound,
  parseErrorBody,
} from './errors';
export type { ImcoErrorCode, ImcoErrorDetails, WaitFailureEvent, WaitFailureReason, ParsedErrorBody } from './errors';
export {
  CONCERTO_ENV,
  describeConfig,
  describeSource,
  discoverConfig,
  normaliseEndpoint,
  parseClientXml,
} from './config';
export type {
  ClientXmlValues,
  ConfigFileInfo,
  ConfigSource,
  CredentialReference,
  ImcoCredentialOptions,
  ImcoDiscoveryOptions,
  ImcoResolvedConfig,
} from './config';
export { DEFAULT_RETRY, backoffDelayMs, decideRetry, isRetryableStatus, parseRetryAfter, resolveRetryPolicy } from './retry';
export type { AttemptFailure, RetryDecision, RetryOptions, RetryPolicy } from './retry';
export type { RequestHook, RequestInfo, QueryValue } from './transport';
export type { PollOptions, StatefulObject, WaitForGoneOptions, WaitOptions, WaitPredicate, WaitProgress, WaitTarget } from './wait';
export type { UploadSource } from './upload';
export type { AccessorName, FacadeArg, KindFacade, MethodName } from './kind-facade';
export type { KindFacades } from './facade-set';
export type { KindWire, UntypedWire, WireGroups, WireKinds, WireOf } from './wire-kinds';
