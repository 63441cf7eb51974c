// One imco_<kind> ResourceType: schema and plan rules (pure, loaded with the definition), and
// apply/read/import over the handlers (./operations, loaded on first use), and the move from the
// provisioner flavours' lifecycle resource (./move). Failures become one
// diagnostic; Terraform keeps the prior state of a failed update or delete.
import type { ResourceType } from '../resource-type';
import { adoptionOf, encodeAdoption } from './adoption';
import { errorDiagnostic } from './diagnostics';
import { pendingMoveOf } from './move-marker';
import { planResource, validateConfig } from './plan';
import type { KindModel } from './schema';
import type { Session } from './session';

const operations = () => import('./operations');
const move = () => import('./move');

export function kindResource(model: KindModel, session: Session): ResourceType {
  const attributes = new Set(model.schema.attributes.map((a) => a.name));
  return {
    typeName: model.typeName,
    schema: model.schema,
    validate: (config) => validateConfig(model, config),
    plan: async (req) => {
      // A moved state is completed by the refresh; a plan without one cannot know the object.
      if (req.prior && pendingMoveOf(req.priorPrivate)) {
        return { planned: req.proposed, diagnostics: [errorDiagnostic(`${model.typeName}: a state moved from the provisioner flavour is completed by the refresh: run terraform plan/apply without -refresh=false`)] };
      }
      return planResource(model, req);
    },
    async apply(req, ctx) {
      try {
        return await (await operations()).applyKind(model, req, session, ctx);
      } catch (err) {
        // A failed create leaves nothing in state: an owned object it made is adopted next time.
        return { newState: req.prior, diagnostics: [errorDiagnostic(err, attributes)] };
      }
    },
    async read(req, ctx) {
      try {
        const pending = pendingMoveOf(req.private);
        if (pending) return await (await move()).completeMove(model, pending, session, ctx);
        // An adoption (./adoption.ts): the read after the import marks the state; the first read of it once applied adopts.
        const adoption = adoptionOf(req.private);
        if (adoption === 'adopt') return await (await operations()).adoptKind(model, req.current, session, ctx);
        const read = await (await operations()).readKind(model, req.current, session, adoption === 'imported');
        return adoption === 'imported' ? { ...read, private: encodeAdoption('adopt') } : read;
      } catch (err) {
        return { newState: req.current, diagnostics: [errorDiagnostic(err)] };
      }
    },
    async moveState(req) {
      try {
        return (await move()).moveKind(model, req);
      } catch (err) {
        return { targetState: null, diagnostics: [errorDiagnostic(err)] };
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
