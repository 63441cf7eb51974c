// Kind behaviours by catalog kind; kinds without one use only the generic flows.
import type { KindBehaviour } from './behaviour';
import { attachableBehaviour } from './attachable';
import { cookbookVersionBehaviour } from '../../kinds/cookbook-version/handler';
import { scriptBehaviour } from '../../kinds/script/handler';
import { serverBehaviour } from '../../kinds/server/handler';
import { serverArrayBehaviour } from '../../kinds/server-array/handler';
import { templateBehaviour } from '../../kinds/template/handler';

const BEHAVIOURS: Readonly<Record<string, KindBehaviour>> = {
  template: templateBehaviour,
  script: scriptBehaviour,
  cookbook_version: cookbookVersionBehaviour,
  server: serverBehaviour,
  server_array: serverArrayBehaviour,
  volume: attachableBehaviour,
  floating_ip: attachableBehaviour,
};

export function behaviourOf(kind: string): KindBehaviour {
  return BEHAVIOURS[kind] ?? {};
}

export type { KindBehaviour, ConvergeOptions } from './behaviour';
