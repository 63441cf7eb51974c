// The catalog: one entry per in-scope IMCO kind (API reference §3-§9). Adding a kind means adding
// one entry here plus its tests; the client, handlers, constructs and emulator read these entries.
import type { FieldSpec, KindSpec } from './types';

type KindInput = Omit<KindSpec, 'immutableFields' | 'secretFields' | 'responseFields'> & {
  readonly responseFields?: readonly string[];
  /** Create fields that are write-once but not desired state (e.g. label_ids). */
  readonly notDesired?: readonly string[];
};

/** Builds a KindSpec, deriving immutable and secret fields from the create/update field lists. */
function defineKind(input: KindInput): KindSpec {
  const { notDesired, ...spec } = input;
  const skip = new Set(['label_ids', ...(notDesired ?? [])]);
  const immutableFields = spec.createFields
    .filter((f) => !skip.has(f.name) && !spec.updateFields.includes(f.name) && !f.secret)
    .map((f) => f.name);
  const secretFields = spec.createFields.filter((f) => f.secret).map((f) => f.name);
  const responseFields =
    input.responseFields ??
    spec.createFields.filter((f) => !f.secret).map((f) => f.name);
  return { ...spec, immutableFields, secretFields, responseFields };
}

const str = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, type: 'string', ...extra });
const req = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => str(name, { required: true, ...extra });
const labelIds: FieldSpec = { name: 'label_ids', type: 'string[]' };
const json = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, type: 'object', shape: 'json', ...extra });
const stringMap = (name: string): FieldSpec => ({ name, type: 'object', shape: 'string-map' });
const computed = (name: string, type: FieldSpec['type'] = 'string'): FieldSpec => ({ name, type });
const state = computed('state');

/** The port range of a firewall rule (also read by the emulator's rule check). */
export const PORT_RANGE = { min: 0, max: 65535 } as const;
export const FIREWALL_PROTOCOLS = ['tcp', 'udp'] as const;

/** One firewall rule as the wire has it (API reference §5.1). */
export const FIREWALL_RULE_FIELDS: readonly FieldSpec[] = [
  req('ip_protocol', { enum: FIREWALL_PROTOCOLS, description: 'tcp or udp' }),
  { name: 'min_port', type: 'integer', required: true, ...PORT_RANGE },
  { name: 'max_port', type: 'integer', required: true, ...PORT_RANGE },
  req('source', { description: "a CIDR block, an IPv4 address or 'any'" }),
];

export const SERVER_STATES = [
  'commissioning',
  'inactive',
  'booting',
  'bootstrapping',
  'operational',
  'stalled',
  'shutting_down',
  'decommissioning',
  'commission_stalled',
] as const;

/** Server-like lifecycle shared by servers and server arrays (API reference §10). */
const serverLifecycle = {
  states: SERVER_STATES,
  createSteps: ['commissioning', 'inactive'],
  ready: ['inactive', 'operational'],
  failed: ['stalled', 'commission_stalled'],
  deleteFrom: ['inactive', 'stalled', 'commission_stalled'],
  deleteSteps: ['decommissioning'],
};

/** Provisioned network/storage objects: states are undocumented, the emulator uses these. */
const provisionedLifecycle = {
  states: ['provisioning', 'available', 'deleting', 'error'],
  createSteps: ['provisioning', 'available'],
  ready: ['available'],
  failed: ['error'],
  deleteSteps: ['deleting'],
};

export const SUBNET_TYPES = ['only_public', 'only_private', 'public_and_private'] as const;
export const TEMPLATE_SCRIPT_TYPES = ['operational', 'boot', 'shutdown'] as const;

export const KINDS: readonly KindSpec[] = [
  // ---------------------------------------------------------------- Blueprint
  defineKind({
    kind: 'template',
    resourceType: 'template',
    title: 'template',
    namespace: 'blueprint',
    collectionPath: '/blueprint/templates',
    itemPath: '/blueprint/templates/{id}',
    cliTrailingSlash: true,
    operations: ['list', 'show', 'create', 'update', 'delete'],
    labelable: true,
    identity: { by: 'label' },
    nameField: 'name',
    createFields: [
      req('name'),
      req('generic_image_id', { ref: 'generic_image' }),
      json('configuration_attributes'),
      { name: 'run_list', type: 'string[]' },
      json('cookbook_versions'),
      labelIds,
    ],
    updateFields: ['name', 'configuration_attributes', 'run_list', 'cookbook_versions'],
    responseFields: [
      'name', 'generic_image_id', 'run_list', 'configuration_attributes', 'cookbook_versions',
      'error_message', 'state', 'variables', 'label_ids',
    ],
    listFields: ['id', 'name', 'generic_image_id', 'label_ids', 'resource_type'],
    computedFields: [state],
    lifecycle: {
      states: ['created', 'compiling', 'ready', 'compiling_error'],
      createSteps: ['created'],
      ready: ['created', 'ready'],
      failed: ['compiling_error'],
      deleteSteps: [],
    },
    actions: [
      {
        name: 'compile',
        method: 'PUT',
        suffix: '/compile',
        from: ['created', 'ready', 'compiling_error'],
        steps: ['compiling', 'ready'],
        returns: 'self',
      },
    ],
    waitTimeoutSeconds: 600,
  }),
  defineKind({
    kind: 'template_script',
    resourceType: 'template_script',
    title: 'template script',
    namespace: 'blueprint',
    collectionPath: '/blueprint/templates/{template_id}/scripts',
    itemPath: '/blueprint/templates/{template_id}/scripts/{id}',
    parent: { kind: 'template', param: 'template_id', field: 'template_id' },
    operations: ['list', 'show', 'create', 'update', 'delete'],
    labelable: false,
    identity: { by: 'natural', fields: ['type', 'script_id', 'execution_order'] },
    createFields: [
      req('type', { enum: TEMPLATE_SCRIPT_TYPES }),
      req('script_id', { ref: 'script' }),
      stringMap('parameter_values'),
    ],
    updateFields: ['parameter_values'],
    responseFields: ['type', 'execution_order', 'template_id', 'script_id', 'parameter_values'],
    computedFields: [computed('execution_order', 'integer')],
    waitTimeoutSeconds: 60,
  }),
  defineKind({
    kind: 'cookbook_version',
    resourceType: 'cookbook_version',
    title: 'cookbook version',
    namespace: 'blueprint',
    collectionPath: '/blueprint/cookbook_versions',
    itemPath: '/blueprint/cookbook_versions/{id}',
    operations: ['list', 'show', 'create', 'delete'],
    labelable: true,
    identity: { by: 'label' },
    nameField: 'name',
    createFields: [labelIds],
    updateFields: [],
    responseFields: [
      'name', 'version', 'description', 'publicly_available', 'state', 'error_message',
      'revision_id', 'recipes', 'global_legacy', 'upload_url', 'label_ids',
    ],
    lifecycle: {
      states: ['created', 'processing', 'duplicated', 'ready', 'processing_error'],
      createSteps: ['created'],
      ready: ['ready'],
      failed: ['processing_error', 'duplicated'],
      deleteSteps: [],
    },
    actions: [
      { name: 'process', method: 'POST', suffix: '/process', from: ['created'], steps: ['processing', 'ready'], returns: 'self' },
    ],
    waitTimeoutSeconds: 300,
  }),
  defineKind({
    kind: 'script',
    resourceType: 'script',
    title: 'script',
    namespace: 'blueprint',
    collectionPath: '/blueprint/scripts',
    itemPath: '/blueprint/scripts/{id}',
    operations: ['list', 'show', 'create', 'update', 'delete'],
    labelable: true,
    identity: { by: 'label' },
    nameField: 'name',
    createFields: [req('name'), str('description'), str('code'), { name: 'parameters', type: 'string[]' }, labelIds],
    updateFields: ['name', 'description', 'code', 'parameters'],
    responseFields: ['name', 'description', 'code', 'parameters', 'label_ids'],
    waitTimeoutSeconds: 60,
  }),
  defineKind({
    kind: 'attachment',
    resourceType: 'attachment',
    title: 'script attachment',
    namespace: 'blueprint',
    collectionPath: '/blueprint/scripts/{script_id}/attachments',
    itemPath: '/blueprint/attachments/{id}',
    parent: { kind: 'script', param: 'script_id', field: 'script_id' },
    operations: ['list', 'show', 'create', 'delete'],
    labelable: false,
    identity: { by: 'natural', fields: ['name'] },
    nameField: 'name',
    createFields: [req('name')],
    updateFields: [],
    responseFields: ['name', 'uploaded', 'upload_url', 'download_url'],
    actions: [
      { name: 'uploaded', method: 'PUT', suffix: '/uploaded', returns: 'self' },
    ],
    waitTimeoutSeconds: 60,
  }),
  // ---------------------------------------------------------------- Network
  defineKind({
    kind: 'firewall_profile',
    resourceType: 'firewall_profile',
    title: 'firewall profile',
    namespace: 'network',
    collectionPath: '/network/firewall_profiles',
    itemPath: '/network/firewall_profiles/{id}',
    cliTrailingSlash: true,
    operations: ['list', 'show', 'create', 'update', 'delete'],
    labelable: true,
    identity: { by: 'label' },
    nameField: 'name',
    createFields: [req('name'), str('description'), { name: 'rules', type: 'object[]', items: FIREWALL_RULE_FIELDS }, labelIds],
    updateFields: ['name', 'description', 'rules'],
    responseFields: ['name', 'description', 'default', 'rules', 'label_ids'],
    waitTimeoutSeconds: 60,
  }),
  defineKind({
    kind: 'vpc',
    resourceType: 'vpc',
    title: 'VPC',
    namespace: 'network',
    collectionPath: '/network/vpcs',
    itemPath: '/network/vpcs/{id}',
    cliTrailingSlash: true,
    operations: ['list', 'show', 'create', 'update', 'delete', 'discard'],
    labelable: true,
    identity: { by: 'label' },
    nameField: 'name',
    createFields: [
      req('name'),
      req('cidr'),
      req('cloud_account_id', { ref: 'cloud_account' }),
      req('realm_provider_name'),
      labelIds,
    ],
    updateFields: ['name'],
    responseFields: [
      'name', 'cidr', 'state', 'cloud_account_id', 'realm_provider_name', 'has_vpn',
      'allowed_subnet_types', 'brownfield', 'label_ids',
    ],
    computedFields: [state],
    lifecycle: provisionedLifecycle,
    waitTimeoutSeconds: 600,
  }),
  defineKind({
    kind: 'subnet',
    resourceType: 'subnet',
    title: 'subnet',
    namespace: 'network',
    collectionPath: '/network/vpcs/{vpc_id}/subnets',
    itemPath: '/network/subnets/{id}',
    parent: { kind: 'vpc', param: 'vpc_id', field: 'vpc_id' },
    operations: ['list', 'show', 'create', 'update', 'delete'],
    labelable: false,
    identity: { by: 'natural', fields: ['cidr'] },
    nameField: 'name',
    createFields: [req('name'), req('cidr'), req('type', { enum: SUBNET_TYPES })],
    notDesired: [],
    updateFields: ['name'],
    responseFields: ['name', 'cidr', 'state', 'type', 'vpc_id', 'server_creation_disabled', 'brownfield'],
    computedFields: [state],
    lifecycle: provisionedLifecycle,
    waitTimeoutSeconds: 600,
  }),
  defineKind({
    kind: 'vpn',
    resourceType: 'vpn',
    title: 'VPN',
    namespace: 'network',
    collectionPath: '/network/vpcs/{vpc_id}/vpn',
    itemPath: '/network/vpcs/{vpc_id}/vpn',
    parent: { kind: 'vpc', param: 'vpc_id', field: 'vpc_id' },
    singleton: true,
    operations: ['show', 'create', 'delete'],
    labelable: false,
    identity: { by: 'singleton' },
    createFields: [
      req('public_ip'),
      req('psk', { secret: true }),
      { name: 'exposed_cidrs', type: 'string[]', required: true },
      req('vpn_plan_id', { ref: 'vpn_plan' }),
    ],
    updateFields: [],
    responseFields: ['state', 'vpc_id', 'vpn_plan_id', 'public_ip', 'exposed_cidrs'],
    computedFields: [state],
    lifecycle: provisionedLifecycle,
    waitTimeoutSeconds: 900,
  }),
  defineKind({
    kind: 'floating_ip',
    resourceType: 'floating_ip',
    title: 'floating IP',
    namespace: 'network',
    collectionPath: '/network/floating_ips',
    itemPath: '/network/floating_ips/{id}',
    cliTrailingSlash: true,
    operations: ['list', 'show', 'create', 'update', 'delete', 'discard'],
    labelable: true,
    identity: { by: 'label' },
    nameField: 'name',
    createFields: [req('name'), req('cloud_account_id', { ref: 'cloud_account' }), req('realm_id', { ref: 'realm' }), labelIds],
    updateFields: ['name'],
    responseFields: [
      'name', 'address', 'state', 'cloud_account_id', 'realm_id', 'attached_server_id', 'brownfield', 'label_ids',
    ],
    computedFields: [computed('address'), state],
    lifecycle: provisionedLifecycle,
    actions: [
      {
        name: 'attach',
        method: 'POST',
        suffix: '/attached_server',
        fields: [req('attached_server_id', { ref: 'server' })],
        returns: 'server',
      },
      { name: 'detach', method: 'DELETE', suffix: '/attached_server', returns: 'none' },
    ],
    waitTimeoutSeconds: 300,
  }),
  // ---------------------------------------------------------------- Storage
  defineKind({
    kind: 'volume',
    resourceType: 'volume',
    title: 'volume',
    namespace: 'storage',
    collectionPath: '/storage/volumes',
    itemPath: '/storage/volumes/{id}',
    cliTrailingSlash: true,
    operations: ['list', 'show', 'create', 'update', 'delete', 'discard'],
    labelable: true,
    identity: { by: 'label' },
    nameField: 'name',
    createFields: [
      req('name'),
      { name: 'size', type: 'integer', required: true },
      req('cloud_account_id', { ref: 'cloud_account' }),
      req('storage_plan_id', { ref: 'storage_plan' }),
      labelIds,
    ],
    updateFields: ['name'],
    responseFields: [
      'name', 'size', 'device', 'state', 'remote_id', 'storage_plan_id', 'cloud_account_id', 'realm_id',
      'attached_server_id', 'brownfield', 'label_ids',
    ],
    computedFields: [computed('device'), computed('realm_id'), state],
    lifecycle: {
      states: ['provisioning', 'available', 'attaching', 'attached', 'detaching', 'deleting', 'error'],
      createSteps: ['provisioning', 'available'],
      ready: ['available', 'attached'],
      failed: ['error'],
      deleteFrom: ['available', 'error'],
      deleteSteps: ['deleting'],
    },
    actions: [
      {
        name: 'attach',
        method: 'POST',
        suffix: '/attached_server',
        from: ['available'],
        steps: ['attaching', 'attached'],
        fields: [req('attached_server_id', { ref: 'server' })],
        returns: 'server',
      },
      { name: 'detach', method: 'DELETE', suffix: '/attached_server', from: ['attached'], steps: ['detaching', 'available'], returns: 'none' },
    ],
    waitTimeoutSeconds: 600,
  }),
  // ---------------------------------------------------------------- Cloud
  defineKind({
    kind: 'ssh_profile',
    resourceType: 'ssh_profile',
    title: 'SSH profile',
    namespace: 'cloud',
    collectionPath: '/cloud/ssh_profiles',
    itemPath: '/cloud/ssh_profiles/{id}',
    cliTrailingSlash: true,
    operations: ['list', 'show', 'create', 'update', 'delete'],
    labelable: true,
    identity: { by: 'label' },
    nameField: 'name',
    createFields: [
      req('name'),
      str('public_key', { aliases: ['public-key'] }),
      str('private_key', { secret: true, aliases: ['private-key'] }),
      labelIds,
    ],
    updateFields: ['name', 'public_key', 'private_key'],
    responseFields: ['name', 'public_key', 'label_ids'],
    waitTimeoutSeconds: 60,
  }),
  defineKind({
    kind: 'server',
    resourceType: 'server',
    title: 'server',
    namespace: 'cloud',
    collectionPath: '/cloud/servers',
    itemPath: '/cloud/servers/{id}',
    cliTrailingSlash: true,
    operations: ['list', 'show', 'create', 'update', 'delete'],
    labelable: true,
    identity: { by: 'label' },
    nameField: 'name',
    createFields: [
      req('name'),
      req('template_id', { ref: 'template' }),
      req('server_plan_id', { ref: 'server_plan' }),
      req('cloud_account_id', { ref: 'cloud_account' }),
      req('ssh_profile_id', { ref: 'ssh_profile' }),
      req('firewall_profile_id', { ref: 'firewall_profile' }),
      str('subnet_id', { ref: 'subnet' }),
      { name: 'privateness', type: 'boolean', defaulted: true },
      labelIds,
    ],
    updateFields: ['name'],
    computedFields: [computed('fqdn'), computed('public_ip'), computed('private_ip'), computed('vpc_id'), state],
    responseFields: [
      'name', 'fqdn', 'state', 'public_ip', 'private_ip', 'template_id', 'server_plan_id', 'cloud_account_id',
      'ssh_profile_id', 'ssh_profile_ids', 'firewall_profile_id', 'server_array_id', 'brownfield_state',
      'subnet_id', 'vpc_id', 'privateness', 'label_ids',
    ],
    lifecycle: serverLifecycle,
    actions: [
      { name: 'boot', method: 'PUT', suffix: '/boot', from: ['inactive'], steps: ['booting', 'bootstrapping', 'operational'], returns: 'self' },
      { name: 'reboot', method: 'PUT', suffix: '/reboot', from: ['operational'], steps: ['booting', 'bootstrapping', 'operational'], returns: 'self' },
      {
        name: 'shutdown',
        method: 'PUT',
        suffix: '/shutdown',
        from: ['bootstrapping', 'operational', 'stalled'],
        steps: ['shutting_down', 'inactive'],
        returns: 'self',
      },
      { name: 'override', method: 'PUT', suffix: '/override', from: ['stalled'], steps: ['operational'], returns: 'self' },
    ],
    waitTimeoutSeconds: 1800,
  }),
  defineKind({
    kind: 'server_array',
    resourceType: 'server_array',
    title: 'server array',
    namespace: 'cloud',
    collectionPath: '/cloud/server_arrays',
    itemPath: '/cloud/server_arrays/{id}',
    cliTrailingSlash: true,
    operations: ['list', 'show', 'create', 'update', 'delete'],
    labelable: true,
    identity: { by: 'label' },
    nameField: 'name',
    createFields: [
      req('name'),
      req('template_id', { ref: 'template' }),
      req('cloud_account_id', { ref: 'cloud_account' }),
      req('server_plan_id', { ref: 'server_plan' }),
      { name: 'size', type: 'integer' },
      str('firewall_profile_id', { ref: 'firewall_profile', defaulted: true }),
      str('ssh_profile_id', { ref: 'ssh_profile', defaulted: true }),
      str('subnet_id', { ref: 'subnet' }),
      { name: 'privateness', type: 'boolean', defaulted: true },
      labelIds,
    ],
    // `size` grows through the enlarge action, not through PUT; it is not immutable either.
    notDesired: ['size'],
    updateFields: ['name'],
    responseFields: [
      'name', 'state', 'size', 'server_plan_id', 'cloud_account_id', 'template_id', 'firewall_profile_id',
      'ssh_profile_id', 'ssh_profile_ids', 'subnet_id', 'vpc_id', 'privateness', 'label_ids',
    ],
    computedFields: [computed('vpc_id'), state],
    lifecycle: { ...serverLifecycle, createSteps: ['inactive'], deleteSteps: [] },
    actions: [
      { name: 'boot', method: 'PUT', suffix: '/boot', from: ['inactive'], steps: ['booting', 'bootstrapping', 'operational'], returns: 'self' },
      {
        name: 'shutdown',
        method: 'PUT',
        suffix: '/shutdown',
        from: ['bootstrapping', 'operational', 'stalled'],
        steps: ['shutting_down', 'inactive'],
        returns: 'self',
      },
      { name: 'empty', method: 'PUT', suffix: '/empty', from: ['inactive', 'stalled', 'commission_stalled'], returns: 'self' },
      {
        name: 'enlarge',
        method: 'POST',
        suffix: '/servers',
        fields: [
          { name: 'size', type: 'integer', aliases: ['size_increase'], required: true },
        ],
        returns: 'self',
      },
    ],
    waitTimeoutSeconds: 1800,
  }),
  // ---------------------------------------------------------------- Settings
  defineKind({
    kind: 'saas_account',
    resourceType: 'saas_account',
    title: 'SaaS account',
    namespace: 'settings',
    collectionPath: '/settings/saas_accounts',
    itemPath: '/settings/saas_accounts/{id}',
    operations: ['list', 'create', 'update', 'delete'],
    labelable: false,
    identity: { by: 'natural', fields: ['saas_provider_id'] },
    createFields: [
      req('saas_provider_id', { ref: 'saas_provider' }),
      json('account_data', { required: true, secret: true }),
    ],
    updateFields: ['account_data'],
    responseFields: ['saas_provider_id'],
    waitTimeoutSeconds: 60,
  }),
  // ---------------------------------------------------------------- Labels
  defineKind({
    kind: 'label',
    resourceType: 'label',
    title: 'label',
    namespace: 'labels',
    collectionPath: '/labels',
    itemPath: '/labels/{id}',
    cliTrailingSlash: true,
    operations: ['list', 'show', 'create'],
    labelable: false,
    identity: { by: 'natural', fields: ['name', 'namespace'] },
    nameField: 'name',
    createFields: [req('name'), str('namespace'), str('value')],
    updateFields: [],
    responseFields: ['name', 'namespace', 'value'],
    waitTimeoutSeconds: 60,
  }),
  // ---------------------------------------------------------------- Read-only catalogues
  ...readOnlyKinds(),
];

function readOnlyKinds(): KindSpec[] {
  const ro = (
    kind: string,
    title: string,
    namespace: KindSpec['namespace'],
    collectionPath: string,
    responseFields: string[],
    extra: Partial<KindInput> = {},
  ): KindSpec =>
    defineKind({
      kind,
      resourceType: kind,
      title,
      namespace,
      collectionPath,
      operations: extra.itemPath ? ['list', 'show'] : ['list'],
      labelable: false,
      identity: { by: 'lookup' },
      nameField: responseFields.includes('name') ? 'name' : undefined,
      createFields: [],
      updateFields: [],
      responseFields,
      waitTimeoutSeconds: 60,
      ...extra,
    });
  return [
    ro('cloud_provider', 'cloud provider', 'cloud', '/cloud/cloud_providers', ['name', 'disambiguation', 'required_credentials']),
    ro('server_plan', 'server plan', 'cloud', '/cloud/cloud_providers/{cloud_provider_id}/server_plans',
      ['name', 'memory', 'cpus', 'storage', 'location_id', 'cloud_provider_id'], {
        itemPath: '/cloud/server_plans/{id}',
        parent: { kind: 'cloud_provider', param: 'cloud_provider_id', field: 'cloud_provider_id' },
      }),
    ro('storage_plan', 'storage plan', 'storage', '/cloud/cloud_providers/{cloud_provider_id}/storage_plans',
      ['name', 'min_size', 'max_size', 'cloud_provider_id', 'location_id', 'realm_id', 'realm_provider_name',
        'flavour_provider_name', 'deprecated'], {
        itemPath: '/storage/plans/{id}',
        parent: { kind: 'cloud_provider', param: 'cloud_provider_id', field: 'cloud_provider_id' },
      }),
    ro('realm', 'realm', 'cloud', '/cloud/cloud_providers/{cloud_provider_id}/realms',
      ['name', 'location_id', 'cloud_provider_id', 'provider_name', 'deprecated'], {
        itemPath: '/cloud/realms/{id}',
        parent: { kind: 'cloud_provider', param: 'cloud_provider_id', field: 'cloud_provider_id' },
      }),
    ro('generic_image', 'generic image', 'cloud', '/cloud/generic_images', ['name']),
    ro('location', 'location', 'wizard', '/wizard/locations', ['name']),
    ro('saas_provider', 'SaaS provider', 'cloud', '/cloud/saas_providers', ['name', 'required_account_data']),
    ro('cloud_account', 'cloud account', 'settings', '/settings/cloud_accounts',
      ['name', 'cloud_provider_id', 'last_discovered_at', 'last_discovery_failed_at', 'supports_importing',
        'supports_importing_vpcs', 'supports_importing_floating_ips', 'supports_importing_volumes'],
      { itemPath: '/settings/cloud_accounts/{id}' }),
    ro('vpn_plan', 'VPN plan', 'network', '/network/vpcs/{vpc_id}/vpn_plans', ['name', 'active_active', 'remote_id'], {
      parent: { kind: 'vpc', param: 'vpc_id', field: 'vpc_id' },
    }),
    ro('event', 'audit event', 'audit', '/audit/events', ['timestamp', 'level', 'header', 'description'], {
      itemPath: '/audit/events/{id}',
    }),
  ];
}
