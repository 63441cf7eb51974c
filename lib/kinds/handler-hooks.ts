// The handlers' hooks of each kind that has any (kinds without one use only the generic flows):
// what a kind adds to the generic create / converge / delete flows (lib/handlers/kinds/behaviour.ts).
import type { KindBehaviour } from '../handlers/kinds/behaviour';
import { attachableBehaviour } from '../handlers/kinds/attachable';
import { cookbookVersionKind } from './cookbook-version/catalog';
import { cookbookVersionBehaviour } from './cookbook-version/handler';
import { floatingIpKind } from './floating-ip/catalog';
import { scriptKind } from './script/catalog';
import { scriptBehaviour } from './script/handler';
import { serverArrayKind } from './server-array/catalog';
import { serverArrayBehaviour } from './server-array/handler';
import { serverKind } from './server/catalog';
import { serverBehaviour } from './server/handler';
import { templateKind } from './template/catalog';
import { templateBehaviour } from './template/handler';
import { volumeKind } from './volume/catalog';

export const HANDLER_HOOKS: Readonly<Record<string, KindBehaviour>> = {
  [templateKind.kind]: templateBehaviour,
  [scriptKind.kind]: scriptBehaviour,
  [cookbookVersionKind.kind]: cookbookVersionBehaviour,
  [serverKind.kind]: serverBehaviour,
  [serverArrayKind.kind]: serverArrayBehaviour,
  [volumeKind.kind]: attachableBehaviour,
  [floatingIpKind.kind]: attachableBehaviour,
};
