// What is wrong with a success answer whose body should be a list of objects or one object with a
// string id (an error body with a 2xx status, a bare string, an object without id).
import { parseErrorBody, type ParsedErrorBody } from './errors';

function jsonShape(value: unknown): string {
  if (value === undefined) return 'an empty body';
  if (value === null) return 'JSON null';
  if (Array.isArray(value)) return 'a JSON list';
  return typeof value === 'object' ? 'a JSON object' : `a JSON ${typeof value}`;
}

function isObjectWithId(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { id?: unknown }).id === 'string' && (value as { id: string }).id !== '';
}

/** What is wrong with a success answer that should be a list of objects or one object (undefined: nothing). */
export function answerShapeProblem(data: unknown, shape: 'list' | 'object'): { text: string; error?: ParsedErrorBody } | undefined {
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && !isObjectWithId(data)) {
    const obj = data as Record<string, unknown>;
    if (obj.error !== undefined || obj.errors !== undefined) {
      const error = parseErrorBody(JSON.stringify(obj));
      if (error.messages.length > 0) return { text: 'an error', error };
    }
  }
  if (shape === 'list') {
    if (!Array.isArray(data)) return { text: `${jsonShape(data)} where a list was expected` };
    const bad = data.findIndex((item) => !isObjectWithId(item));
    return bad < 0 ? undefined : { text: `a list whose item ${bad + 1} is not an object with a string id` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { text: `${jsonShape(data)} where an object was expected` };
  if (!isObjectWithId(data)) {
    const id = (data as { id?: unknown }).id;
    return { text: `an object whose id is not a string (${id === '' ? 'empty' : id === null ? 'null' : typeof id})` };
  }
  return undefined;
}
