// Escaping of literal text for Terraform templates, and JSON with live tokens spliced in.
import { escapeTemplate, jsonForTerraform, shellQuote } from '../../lib/constructs/escape';

describe('escapeTemplate', () => {
  test('escapes interpolations and directives', () => {
    expect(escapeTemplate('echo ${HOME} %{if x}')).toBe('echo $${HOME} %%{if x}');
  });

  test('an already escaped sequence stays literal after Terraform unescapes it', () => {
    // Terraform turns $${ into ${; the user wrote $${ literally and must get $${ back.
    expect(escapeTemplate('a $${b}')).toBe('a $$${b}');
  });

  test('text without sequences is unchanged (including lone $ and %)', () => {
    expect(escapeTemplate('cost: $5, 10% {x}')).toBe('cost: $5, 10% {x}');
  });
});

describe('jsonForTerraform', () => {
  test('escapes literal strings and keys, splices live values unescaped', () => {
    const live = '${terraform_data.x.id}';
    const text = jsonForTerraform({ '${k}': 'v ${x}', ref: live, list: [live, '%{y}'] }, (t) => t === live);
    expect(text).toBe('{"$${k}":"v $${x}","ref":"${terraform_data.x.id}","list":["${terraform_data.x.id}","%%{y}"]}');
  });

  test('is deterministic', () => {
    expect(jsonForTerraform({ a: 1 })).toBe(jsonForTerraform({ a: 1 }));
  });
});

describe('shellQuote', () => {
  test('double-quotes and escapes shell specials', () => {
    expect(shellQuote('/opt/my dir/a"b$c`d\\e')).toBe('"/opt/my dir/a\\"b\\$c\\`d\\\\e"');
  });
});
