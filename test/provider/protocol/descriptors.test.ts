// The compiled protocol descriptor: message types by full name, int64 fields as plain numbers.
import { decodeMessage, encodeMessage, messageType } from '../../../lib/provider/protocol/descriptors';

describe('protocol descriptors', () => {
  it('round-trips an AttributePath with every kind of step, int64 as a number', () => {
    const bytes = encodeMessage('tfplugin6.AttributePath', { steps: [{ attribute_name: 'rules' }, { element_key_int: 3 }, { element_key_string: 'k' }] });
    const m = decodeMessage<{ steps: { attribute_name?: string; element_key_int?: number; element_key_string?: string }[] }>('tfplugin6.AttributePath', bytes);
    expect(m.steps[0].attribute_name).toBe('rules');
    expect(m.steps[1].element_key_int).toBe(3);
    expect(m.steps[2].element_key_string).toBe('k');
  });

  it('knows the field numbers Terraform uses (write_only = 11, plan_destroy = 1)', () => {
    expect(messageType('tfplugin6.Schema.Attribute').fields.write_only.id).toBe(11);
    expect(messageType('tfplugin6.Schema.Attribute').fields.nested_type.id).toBe(10);
    expect(messageType('tfplugin6.ServerCapabilities').fields.plan_destroy.id).toBe(1);
    expect(messageType('tfplugin6.ServerCapabilities').fields.get_provider_schema_optional.id).toBe(2);
    expect(messageType('tfplugin6.ClientCapabilities').fields.write_only_attributes_allowed.id).toBe(2);
    expect(messageType('plugin.StdioData').fields.data.id).toBe(2);
  });
});
