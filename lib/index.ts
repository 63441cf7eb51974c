// Package root of imco-cdktf (what TypeDoc documents): the CDKTF constructs — IMCO objects,
// ImcoSettings, Secret, lookups, RemovedImcoObject — and the IMCO API v2 client, whose wire types
// (which share names with the constructs) live in the `wire` namespace. Export-only; nothing under
// lib/ imports this file, so loading a handler never loads cdktf through it. The client part
// mirrors lib/client/index.ts (minus its wire types): keep the two in step.
export * from './constructs';
export { ImcoClient } from './client/client';
export type { ImcoClientOptions, ImcoEnvironmentOptions, ImcoRequest, CreateOnceOptions, PathParams, QueryParams } from './client/client';
export {
  ImcoError,
  ImcoOutcomeUnknownError,
  ImcoWaitError,
  isNotFound,
  parseErrorBody,
} from './client/errors';
export type { ImcoErrorCode, ImcoErrorDetails, WaitFailureEvent, WaitFailureReason, ParsedErrorBody } from './client/errors';
export {
  CONCERTO_ENV,
  describeConfig,
  describeSource,
  discoverConfig,
  normaliseEndpoint,
  parseClientXml,
} from './client/config';
export type {
  ClientXmlValues,
  ConfigFileInfo,
  ConfigSource,
  CredentialReference,
  ImcoCredentialOptions,
  ImcoDiscoveryOptions,
  ImcoResolvedConfig,
} from './client/config';
export { DEFAULT_RETRY, backoffDelayMs, decideRetry, isRetryableStatus, parseRetryAfter, resolveRetryPolicy } from './client/retry';
export type { AttemptFailure, RetryDecision, RetryOptions, RetryPolicy } from './client/retry';
export type { RequestHook, RequestInfo, QueryValue } from './client/transport';
export type { StatefulObject, WaitForGoneOptions, WaitOptions, WaitPredicate, WaitProgress, WaitTarget } from './client/wait';
export type { UploadSource } from './client/upload';
export type { AttachedFilter, CookbookUploadOptions, WizardQuery } from './client/facades';
export {
  CloudAccountsApi,
  CloudProvidersApi,
  CookbookVersionsApi,
  EventsApi,
  FirewallProfilesApi,
  FloatingIpsApi,
  GenericImagesApi,
  LabelsApi,
  LocationsApi,
  RealmsApi,
  SaasAccountsApi,
  SaasProvidersApi,
  ScriptAttachmentsApi,
  ScriptsApi,
  ServerArraysApi,
  ServerPlansApi,
  ServersApi,
  SshProfilesApi,
  StoragePlansApi,
  SubnetsApi,
  TemplateScriptsApi,
  TemplatesApi,
  VolumesApi,
  VpcsApi,
  VpnsApi,
  WizardApi,
} from './client/facades';
/** The IMCO API v2 wire types (objects as the API returns them), e.g. `wire.FirewallProfile`. */
export type * as wire from './client/types';
export type { DiscoveredConfig, InlinePem } from './client/config';
// Types (and the subnet types) that public members of the constructs use.
export { SUBNET_TYPES } from './catalog';
export type { ActionSpec, FieldSpec, FieldType, HttpMethod, Identity, KindSpec, LifecycleSpec } from './catalog';
export type { BridgeSpec, ObjectRef, SecretRef, SpecExtras, SpecValue, FileSpec, TemplateScriptSpec } from './bridge/spec';
export type { Ipv4Network } from './constructs/cidr';
export type { EndpointDiscovery, EndpointDiscoveryOptions, EndpointOrigin } from './constructs/endpoint';
export type { FingerprintResult } from './constructs/secret';
export type { LookupKind, LookupQuery, LookupValue } from './synth/lookup-query';
