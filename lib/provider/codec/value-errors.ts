// How the codec names a place in a value (`rules[0].min_port`) and reports a value that does not
// fit its schema type. Kept apart from the msgpack code so the host can use it without loading it.
import type { AttributePath } from '../resource-type';

/** A value that does not fit its schema type; `path` says where. */
export class ValueTypeError extends Error {
  constructor(
    readonly path: AttributePath,
    message: string,
  ) {
    super(message);
  }
}

/** `rules[0].source`, as a diagnostic names an attribute. */
export function pathText(path: AttributePath): string {
  let s = '';
  for (const step of path) {
    if ('attr' in step) s += s ? `.${step.attr}` : step.attr;
    else if ('index' in step) s += `[${step.index}]`;
    else s += `[${JSON.stringify(step.key)}]`;
  }
  return s || '(the object)';
}
