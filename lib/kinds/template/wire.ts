// The IMCO API v2 wire types of template objects (snake_case, as IMCO sends and accepts them).
import type { Labelled } from '../../client/types';

/** Cookbook reference: Supermarket `{version: "~> 1.2"}` or uploaded `{version_id: "<id>"}`. */
export type CookbookReference = { readonly version: string } | { readonly version_id: string };

export interface Template extends Labelled {
  readonly id: string;
  readonly name: string;
  readonly generic_image_id: string;
  /** Absent from list answers (the list is slim). */
  readonly run_list?: string[];
  readonly configuration_attributes?: Record<string, unknown> | null;
  readonly cookbook_versions?: Record<string, CookbookReference>;
  readonly state?: 'created' | 'compiling' | 'ready' | 'compiling_error' | string;
  readonly error_message?: string | null;
  readonly variables?: string[];
  readonly resource_type?: string;
}

export interface TemplateCreate {
  readonly name: string;
  readonly generic_image_id: string;
  readonly configuration_attributes?: Record<string, unknown>;
  readonly run_list?: readonly string[];
  readonly cookbook_versions?: Readonly<Record<string, CookbookReference>>;
  readonly label_ids?: readonly string[];
}

export interface TemplateUpdate {
  readonly name?: string;
  readonly configuration_attributes?: Record<string, unknown>;
  readonly run_list?: readonly string[];
  readonly cookbook_versions?: Readonly<Record<string, CookbookReference>>;
}
