// One imco_<kind> ResourceType: schema and plan rules (pure, loaded with the definition), and
// apply/read/import over the handlers (./operations, loaded on first use). Failures become one
// diagnostic; Terraform keeps the prior state of a failed update or delete.
import type { ResourceType } from '../resource-type';
import { errorDiagnostic } from './diagnostics';
import { planResource, validateConfig } from './plan';
import type { KindModel } from './schema';
import type { Session } from './session';

const operations = () => import('./operations');

export function kindResource(model: KindModel, session: Session): ResourceType {
  const attributes = new Set(model.schema.attributes.map((a) => a.name));
  return {
    typeName: model.typeName,
    schema: model.schema,
    validate: (config) => validateConfig(model, config),
    plan: async (req) => planResource(model, req),
    async apply(req, ctx) {
      try {
        return await (await operations()).applyKind(model, req, session, ctx);
      } catch (err) {
        // A failed create leaves nothing in state: an owned object it made is adopted next time.
        return { newState: req.prior, diagnostics: [errorDiagnostic(err, attributes)] };
      }
    },
    async read(req) {
      try {
        return await (await operations()).readKind(model, req.current, session);
      } catch (err) {
        return { newState: req.current, diagnostics: [errorDiagnostic(err)] };
      }
    },
    async importState(id) {
      try {
        return (await operations()).importKind(model, id);
      } catch (err) {
        return { states: [], diagnostics: [errorDiagnostic(err)] };
      }
    },
  };
}
