// The chunked list of declared objects: split on UTF-8 byte budgets (never inside a character), and
// joined back from whichever chunk variables are set.
import { joinObjectChunks, MAX_OBJECT_CHUNKS, objectChunkEnv, objectChunkKey, parseDeclaredObjects, splitUtf8 } from '../../lib/spec/object-chunks';

test('splits at the byte budget without cutting a multi-byte character, and joins back to the same text', () => {
  const text = `["${'é'.repeat(10)}€😀${'a'.repeat(7)}"]`;
  for (const budget of [4, 5, 7, 16]) {
    const chunks = splitUtf8(text, budget);
    for (const c of chunks) expect(Buffer.byteLength(c)).toBeLessThanOrEqual(budget);
    expect(chunks.join('')).toBe(text);
    const env = Object.fromEntries(chunks.map((c, i) => [objectChunkEnv(i), c]));
    expect(joinObjectChunks(env)).toBe(text);
  }
  expect(splitUtf8('', 4)).toEqual(['']);
});

test('names: zero-padded keys, numbered variables; no chunk variables set means none passed', () => {
  expect(objectChunkKey(0)).toBe('imco_objects_000');
  expect(objectChunkKey(15)).toBe('imco_objects_015');
  expect(objectChunkEnv(MAX_OBJECT_CHUNKS - 1)).toBe(`IMCO_BRIDGE_OBJECTS_${MAX_OBJECT_CHUNKS - 1}`);
  expect(joinObjectChunks({ IMCO_BRIDGE_OBJECTS_0: '', IMCO_BRIDGE_OBJECTS_1: '' })).toBeUndefined();
  expect(joinObjectChunks({ IMCO_BRIDGE_OBJECTS_0: '[1,', IMCO_BRIDGE_OBJECTS_1: '2]', IMCO_BRIDGE_OBJECTS_2: '' })).toBe('[1,2]');
});

test('only a JSON list parses as declared objects', () => {
  expect(parseDeclaredObjects('[]')).toEqual([]);
  expect(parseDeclaredObjects('{}')).toBeUndefined();
  expect(parseDeclaredObjects('[1,')).toBeUndefined();
  expect(parseDeclaredObjects(undefined)).toBeUndefined();
});
