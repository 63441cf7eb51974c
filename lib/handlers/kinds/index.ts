// Kind behaviours by catalog kind; kinds without one use only the generic flows.
import type { KindBehaviour } from './behaviour';
import { attachableBehaviour } from './attachable';
import { cookbookVersionBehaviour } from './cookbook-version';
import { scriptBehaviour } from './script';
import { serverBehaviour } from './server';
import { serverArrayBehaviour } from './server-array';
import { templateBehaviour } from './template';

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
