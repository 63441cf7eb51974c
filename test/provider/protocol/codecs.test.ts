// The build-time codecs (tfplugin6-codecs.ts, written by scripts/provider-build.js) that the host
// installs instead of protobufjs's run-time code generation: in step with the descriptor and the
// installed protobufjs, installed on every type, and byte-compatible with protobufjs's own codecs.
import { readFileSync } from 'node:fs';
import * as protobuf from 'protobufjs/light';
import { decodeMessage, encodeMessage, messageType } from '../../../lib/provider/protocol/descriptors';
import descriptor from '../../../lib/provider/protocol/tfplugin6.json';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require('../../../scripts/provider-build') as { codecsSource(): string; CODECS: string };

/** A Root whose types generate their codecs at run time, as protobufjs does by itself. */
function runtimeRoot(): protobuf.Root {
  return protobuf.Root.fromJSON(descriptor as protobuf.INamespace);
}

const schemaResponse = {
  provider: { version: 1, block: { version: 0, attributes: [{ name: 'endpoint', type: Buffer.from('"string"'), optional: true, description: 'IMCO API endpoint' }] } },
  resource_schemas: {
    imco_firewall_profile: {
      version: 2,
      block: {
        attributes: [
          { name: 'id', type: Buffer.from('"string"'), computed: true },
          { name: 'psk', type: Buffer.from('"string"'), optional: true, sensitive: true, write_only: true },
        ],
        block_types: [{ type_name: 'rule', nesting: 3, min_items: 1, block: { attributes: [{ name: 'port', type: Buffer.from('"number"'), required: true }] } }],
      },
    },
  },
  diagnostics: [{ severity: 1, summary: 'bad', detail: 'worse', attribute: { steps: [{ attribute_name: 'rule' }, { element_key_int: 2 }] } }],
  server_capabilities: { plan_destroy: true, get_provider_schema_optional: true },
};

describe('build-time protocol codecs', () => {
  it('are what the build writes for this descriptor and the installed protobufjs (else: node scripts/build.js --force)', () => {
    expect(readFileSync(build.CODECS, 'utf8')).toBe(build.codecsSource());
  });

  it('are installed on every message type, so that no type generates code at its first use', () => {
    const names: string[] = [];
    const walk = (ns: protobuf.NamespaceBase): void => {
      for (const n of ns.nestedArray) {
        if (n instanceof protobuf.Type) names.push(n.fullName.slice(1));
        if (n instanceof protobuf.Namespace) walk(n);
      }
    };
    walk(runtimeRoot());
    expect(names.length).toBeGreaterThan(40);
    for (const name of names) {
      const t = messageType(name);
      expect(Object.prototype.hasOwnProperty.call(t, 'encode')).toBe(true);
      expect(Object.prototype.hasOwnProperty.call(t, 'decode')).toBe(true);
    }
  });

  it('encode a nested schema answer byte for byte as protobufjs does, and decode what protobufjs encodes', () => {
    const ours = encodeMessage('tfplugin6.GetProviderSchema.Response', schemaResponse);
    const theirs = runtimeRoot().lookupType('tfplugin6.GetProviderSchema.Response');
    expect(Buffer.from(ours)).toEqual(Buffer.from(theirs.encode(schemaResponse).finish()));
    const back = decodeMessage<typeof schemaResponse>('tfplugin6.GetProviderSchema.Response', theirs.encode(schemaResponse).finish());
    const block = back.resource_schemas.imco_firewall_profile.block;
    expect(block.attributes[1]).toMatchObject({ name: 'psk', sensitive: true, write_only: true });
    expect(block.block_types[0].block.attributes[0].name).toBe('port');
    expect(back.diagnostics[0].attribute.steps[1].element_key_int).toBe(2);
    expect(back.server_capabilities).toMatchObject({ plan_destroy: true, get_provider_schema_optional: true });
  });
});
