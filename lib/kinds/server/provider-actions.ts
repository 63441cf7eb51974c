// Action resources: `imco_server_reboot { server_id, triggers }` and `imco_script_execution
// { server_id, script_id, parameter_values, triggers }`. Each runs its action once when created;
// every attribute forces replacement, so a new `triggers` value runs it again. Delete forgets it.
import { randomUUID } from 'node:crypto';
import { SPEC_VERSION, type BridgeSpec } from '../../spec/spec';
import { kindSpec } from '../../catalog';
import {
  type AttributeSchema,
  type Diagnostic,
  type PlanRequest,
  type PlanResponse,
  type ResourceType,
  type TfObject,
  UnknownValue,
} from '../../provider/resource-type';
import { errorDiagnostic } from '../../provider/resources/diagnostics';
import type { Session } from '../../provider/resources/session';
import { timeoutProblems, timeoutSeconds, timeoutsBlock } from '../../provider/resources/timeouts';

interface ActionDef {
  readonly typeName: string;
  readonly description: string;
  readonly attributes: readonly AttributeSchema[];
  readonly action: (values: TfObject) => BridgeSpec['action'];
  readonly validate?: (config: TfObject) => Diagnostic[];
}

const id: AttributeSchema = { name: 'id', type: 'string', computed: true };
const serverId: AttributeSchema = { name: 'server_id', type: 'string', required: true, description: 'Id of the server.' };
const triggers: AttributeSchema = {
  name: 'triggers',
  type: ['map', 'string'],
  optional: true,
  description: 'Any values; a change runs the action again (forces replacement).',
};

const DEFS: readonly ActionDef[] = [
  {
    typeName: 'imco_server_reboot',
    description: 'Reboots a server once per change of triggers (skipped when the server is not operational).',
    attributes: [id, serverId, triggers],
    action: () => ({ name: 'reboot' }),
  },
  {
    typeName: 'imco_script_execution',
    description: "Executes one of a server's operational scripts once per change of triggers.",
    attributes: [
      id,
      serverId,
      { name: 'script_id', type: 'string', required: true, description: "Id of the script (an operational script of the server's template)." },
      {
        name: 'parameter_values',
        type: ['map', 'string'],
        optional: true,
        description: "Must be empty: IMCO API v2 runs the script with its template script's parameter_values.",
      },
      triggers,
    ],
    action: (v) => ({ name: 'execute', script: { $ref: { kind: 'script', id: String(v.script_id) } } }),
    validate: (config) => {
      const pv = config.parameter_values;
      if (pv && typeof pv === 'object' && !Array.isArray(pv) && Object.keys(pv).length > 0) {
        return [{
          severity: 'error',
          summary: "IMCO API v2 executes an operational script with its template script's parameter_values: set them on the imco_template_script and leave parameter_values empty",
          attribute: [{ attr: 'parameter_values' }],
        }];
      }
      return [];
    },
  },
];

function validate(def: ActionDef, config: TfObject): Diagnostic[] {
  const out = def.validate?.(config) ?? [];
  for (const t of timeoutProblems(config)) out.push({ severity: 'error', summary: t.message, attribute: [{ attr: 'timeouts' }, { attr: t.op }] });
  return out;
}

function plan(def: ActionDef, req: PlanRequest): PlanResponse {
  if (!req.proposed) return { planned: null };
  const diagnostics = validate(def, req.config ?? {});
  if (!req.prior) return { planned: { ...req.proposed, id: new UnknownValue() }, diagnostics };
  const replace = def.attributes
    .filter((a) => a.name !== 'id' && JSON.stringify(req.prior![a.name] ?? null) !== JSON.stringify(req.proposed![a.name] ?? null))
    .map((a) => [{ attr: a.name }]);
  return { planned: req.proposed, requiresReplace: replace, diagnostics };
}

function actionResource(def: ActionDef, session: Session): ResourceType {
  const timeout = kindSpec('server').waitTimeoutSeconds;
  return {
    typeName: def.typeName,
    schema: { version: 0, description: def.description, attributes: def.attributes, blocks: [timeoutsBlock(timeout)] },
    validate: (config) => validate(def, config),
    plan: async (req) => plan(def, req),
    async apply(req, ctx) {
      if (!req.planned) return { newState: null };
      if (req.prior) return { newState: { ...req.planned, id: req.prior.id } };
      try {
        const [{ makeInvocationContext }, { runAction }] = await Promise.all([import('../../handlers/invocation-context'), import('../../handlers/reconcile')]);
        const seconds = timeoutSeconds(req.planned, 'create', timeout);
        const api = await session.apiUntil(Date.now() + seconds * 1000);
        const spec: BridgeSpec = {
          version: SPEC_VERSION,
          kind: 'server',
          stack: '',
          path: `${def.typeName} on server ${String(req.planned.server_id)}`,
          endpoint: api.endpoint,
          self: { kind: 'server', id: String(req.planned.server_id) },
          fields: {},
          extras: {},
          timeoutSeconds: seconds,
          action: def.action(req.planned),
        };
        try {
          await runAction(makeInvocationContext(spec, api, (line) => ctx.log(line)));
        } finally {
          api.close();
        }
        return { newState: { ...req.planned, id: randomUUID() } };
      } catch (err) {
        return { newState: null, diagnostics: [errorDiagnostic(err)] };
      }
    },
    read: async (req) => ({ newState: req.current }),
    importState: async () => ({
      states: [],
      diagnostics: [{ severity: 'error', summary: `${def.typeName} is an action and cannot be imported; declare it and apply to run it` }],
    }),
  };
}

export function actionResources(session: Session): ResourceType[] {
  return DEFS.map((d) => actionResource(d, session));
}
