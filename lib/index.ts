// Package root of imco-cdktf (what TypeDoc documents): the CDKTF constructs — IMCO objects,
// ImcoSettings, Secret, lookups, RemovedImcoObject — and the IMCO API v2 client, whose wire types
// (which share names with the constructs) live in the `wire` namespace. Export-only; nothing under
// lib/ imports this file, so loading a handler never loads cdktf through it.
export * from './constructs';
export * from './client/surface';
// Both layers have an endpoint normaliser; the package root offers the client's (it throws ImcoError).
export { normaliseEndpoint } from './client/surface';
/** The IMCO API v2 wire types (objects as the API returns them), e.g. `wire.FirewallProfile`. */
export type * as wire from './client/types';
export type { DiscoveredConfig, InlinePem } from './client/config';
// Types (and the subnet types) that public members of the constructs use.
export { FIREWALL_PROTOCOLS, SUBNET_TYPES } from './catalog';
export type { ActionSpec, ExtraEndpointSpec, FieldSpec, FieldType, HttpMethod, Identity, KindSpec, LifecycleSpec } from './catalog';
export type { BridgeSpec, ObjectRef, SecretRef, SpecExtras, SpecValue, FileSpec, TemplateScriptSpec } from './spec/spec';
export type { Ipv4Network } from './constructs/cidr';
export type { EndpointDiscovery, EndpointDiscoveryOptions, EndpointOrigin } from './constructs/endpoint';
export type { FingerprintResult } from './constructs/secret';
export type { LookupKind, LookupQuery, LookupValue } from './synth/lookup-query';
