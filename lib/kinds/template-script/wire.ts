// The IMCO API v2 wire types of template script objects (snake_case, as IMCO sends and accepts them).

export type TemplateScriptType = 'operational' | 'boot' | 'shutdown';

export interface TemplateScript {
  readonly id: string;
  readonly type: TemplateScriptType;
  readonly execution_order: number;
  readonly template_id: string;
  readonly script_id: string;
  readonly parameter_values?: Record<string, string>;
  readonly resource_type?: string;
}

export interface TemplateScriptCreate {
  readonly type: TemplateScriptType;
  readonly script_id: string;
  readonly parameter_values?: Readonly<Record<string, string>>;
}

export interface TemplateScriptUpdate {
  readonly parameter_values: Readonly<Record<string, string>>;
}

/** A server's copy of a template script (`GET /cloud/servers/{id}/operational_scripts`). */
export type OperationalScript = TemplateScript;
