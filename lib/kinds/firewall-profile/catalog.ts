// Catalog entry of the firewall_profile kind: paths, typed fields, identity, lifecycle and actions.
import { defineKind, str, req, labelIds } from '../../catalog/define';
import { FIREWALL_RULE_FIELDS } from './rule';

export const firewallProfileKind = defineKind({
  kind: 'firewall_profile',
  resourceType: 'firewall_profile',
  title: 'firewall profile',
  construct: true,
  namespace: 'network',
  collectionPath: '/network/firewall_profiles',
  itemPath: '/network/firewall_profiles/{id}',
  cliTrailingSlash: true,
  operations: ['list', 'show', 'create', 'update', 'delete'],
  labelable: true,
  identity: { by: 'label' },
  nameField: 'name',
  createFields: [req('name'), str('description'), { name: 'rules', type: 'object[]', items: FIREWALL_RULE_FIELDS, unordered: true }, labelIds],
  updateFields: ['name', 'description', 'rules'],
  responseFields: ['name', 'description', 'default', 'rules', 'label_ids'],
  waitTimeoutSeconds: 60,
});
