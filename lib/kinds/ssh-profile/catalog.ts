// Catalog entry of the ssh_profile kind: paths, typed fields, identity, lifecycle and actions.
import { defineKind, str, req, labelIds } from '../../catalog/define';

export const sshProfileKind = defineKind({
  kind: 'ssh_profile',
  resourceType: 'ssh_profile',
  title: 'SSH profile',
  construct: true,
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
});
