// The handlers' hooks of each kind that has any (kinds without one use only the generic flows):
// what a kind adds to the generic create / converge / delete flows (lib/handlers/kinds/behaviour.ts).
// Each row loads its module only when an object of that kind is handled: an `imco-bridge create`
// of a firewall profile (the provisioner's hot path) loads no other kind's handler.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { KindBehaviour } from '../handlers/kinds/behaviour';
import { cookbookVersionKind } from './cookbook-version/catalog';
import { floatingIpKind } from './floating-ip/catalog';
import { scriptKind } from './script/catalog';
import { serverArrayKind } from './server-array/catalog';
import { serverKind } from './server/catalog';
import { templateKind } from './template/catalog';
import { volumeKind } from './volume/catalog';

const attachable = (): KindBehaviour => (require('../handlers/kinds/attachable') as typeof import('../handlers/kinds/attachable')).attachableBehaviour;

export const HANDLER_HOOKS: Readonly<Record<string, () => KindBehaviour>> = {
  [templateKind.kind]: () => (require('./template/handler') as typeof import('./template/handler')).templateBehaviour,
  [scriptKind.kind]: () => (require('./script/handler') as typeof import('./script/handler')).scriptBehaviour,
  [cookbookVersionKind.kind]: () => (require('./cookbook-version/handler') as typeof import('./cookbook-version/handler')).cookbookVersionBehaviour,
  [serverKind.kind]: () => (require('./server/handler') as typeof import('./server/handler')).serverBehaviour,
  [serverArrayKind.kind]: () => (require('./server-array/handler') as typeof import('./server-array/handler')).serverArrayBehaviour,
  [volumeKind.kind]: attachable,
  [floatingIpKind.kind]: attachable,
};
