// Seeded catalogues of a fresh platform: cloud providers with their realms, server plans, storage
// plans and VPN plans; locations; cloud accounts; generic images; SaaS providers; the default
// firewall profile and the default SSH profile. Ids derive from stable keys (same ids in every
// fresh state directory) and every seeded object carries the `$seed` flag.
import { seedId } from '../../emulator/ids';
import type { ObjectStore, StoredObject } from '../../emulator/store';
import { META } from '../../emulator/store';
import type { AuditLog } from '../../emulator/audit';

interface ProviderSeed {
  readonly key: string;
  readonly name: string;
  readonly requiredCredentials: readonly string[];
  readonly realms: readonly { readonly providerName: string; readonly name: string; readonly location: string }[];
  readonly serverPlans: readonly { readonly name: string; readonly memory: number; readonly cpus: number; readonly storage: number }[];
  readonly storagePlans: readonly { readonly name: string; readonly min: number; readonly max: number; readonly deprecated?: boolean }[];
  readonly vpnPlans: readonly { readonly name: string; readonly activeActive: boolean }[];
  readonly account: string;
}

export const LOCATIONS = ['North America', 'Europe', 'Asia Pacific', 'South America'] as const;

export const PROVIDERS: readonly ProviderSeed[] = [
  {
    key: 'aws',
    name: 'AWS',
    requiredCredentials: ['access_key_id', 'secret_access_key'],
    realms: [
      { providerName: 'us-east-1', name: 'US East (N. Virginia)', location: 'North America' },
      { providerName: 'eu-west-1', name: 'EU (Ireland)', location: 'Europe' },
      { providerName: 'ap-southeast-1', name: 'Asia Pacific (Singapore)', location: 'Asia Pacific' },
      { providerName: 'sa-east-1', name: 'South America (Sao Paulo)', location: 'South America' },
    ],
    serverPlans: [
      { name: 't3.micro', memory: 1024, cpus: 2, storage: 8 },
      { name: 't3.medium', memory: 4096, cpus: 2, storage: 20 },
      { name: 'm5.large', memory: 8192, cpus: 2, storage: 40 },
    ],
    storagePlans: [
      { name: 'gp3', min: 1, max: 16384 },
      { name: 'io2', min: 4, max: 16384 },
      { name: 'standard', min: 1, max: 1024, deprecated: true },
    ],
    vpnPlans: [
      { name: 'Site-to-Site VPN', activeActive: false },
      { name: 'Site-to-Site VPN (active/active)', activeActive: true },
    ],
    account: 'AWS-cloud_account-production',
  },
  {
    key: 'azure',
    name: 'Microsoft Azure',
    requiredCredentials: ['subscription_id', 'tenant_id', 'client_id', 'client_secret'],
    realms: [
      { providerName: 'eastus', name: 'East US', location: 'North America' },
      { providerName: 'westeurope', name: 'West Europe', location: 'Europe' },
      { providerName: 'southeastasia', name: 'Southeast Asia', location: 'Asia Pacific' },
      { providerName: 'brazilsouth', name: 'Brazil South', location: 'South America' },
    ],
    serverPlans: [
      { name: 'Standard_B1s', memory: 1024, cpus: 1, storage: 4 },
      { name: 'Standard_D2s_v3', memory: 8192, cpus: 2, storage: 16 },
    ],
    storagePlans: [
      { name: 'Standard_LRS', min: 1, max: 32767 },
      { name: 'Premium_LRS', min: 4, max: 32767 },
    ],
    vpnPlans: [
      { name: 'VpnGw1', activeActive: false },
      { name: 'VpnGw2AZ', activeActive: true },
    ],
    account: 'Microsoft Azure-cloud_account-production',
  },
  {
    key: 'digitalocean',
    name: 'DigitalOcean',
    requiredCredentials: ['api_token'],
    realms: [
      { providerName: 'nyc3', name: 'New York 3', location: 'North America' },
      { providerName: 'ams3', name: 'Amsterdam 3', location: 'Europe' },
      { providerName: 'sgp1', name: 'Singapore 1', location: 'Asia Pacific' },
    ],
    serverPlans: [
      { name: 's-1vcpu-1gb', memory: 1024, cpus: 1, storage: 25 },
      { name: 's-2vcpu-4gb', memory: 4096, cpus: 2, storage: 80 },
    ],
    storagePlans: [{ name: 'Block Storage', min: 1, max: 16384 }],
    vpnPlans: [],
    account: 'DigitalOcean-cloud_account-development',
  },
  {
    key: 'mock',
    name: 'Mock',
    requiredCredentials: ['mock_token'],
    realms: [
      { providerName: 'mock-north-america', name: 'Mock North America', location: 'North America' },
      { providerName: 'mock-europe', name: 'Mock Europe', location: 'Europe' },
    ],
    serverPlans: [
      { name: 'Mock small', memory: 512, cpus: 1, storage: 10 },
      { name: 'Mock large', memory: 4096, cpus: 4, storage: 80 },
    ],
    storagePlans: [
      { name: 'Mock disk', min: 1, max: 100 },
      { name: 'Mock legacy disk', min: 1, max: 50, deprecated: true },
    ],
    vpnPlans: [{ name: 'Mock VPN', activeActive: false }],
    account: 'Mock-cloud_account-testing',
  },
];

export const GENERIC_IMAGES = [
  'Ubuntu 22.04 Jammy Jellyfish x86_64',
  'Ubuntu 20.04 Focal Fossa x86_64',
  'CentOS 7.9 x86_64',
  'Debian 12 Bookworm x86_64',
  'Windows Server 2019 Datacenter x86_64',
  'Windows Server 2022 Datacenter x86_64',
] as const;

export const SAAS_PROVIDERS = [
  { name: 'New Relic', requiredAccountData: ['license_key'] },
  { name: 'Datadog', requiredAccountData: ['api_key', 'application_key'] },
  { name: 'Loggly', requiredAccountData: ['customer_token'] },
] as const;

export const DEFAULT_FIREWALL_PROFILE_NAME = 'Default firewall';
export const DEFAULT_SSH_PROFILE_NAME = 'default';
export const MANAGEMENT_PORTS = [22, 5985, 3389, 10050] as const;
const DEFAULT_PUBLIC_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHbW1VfVx0KkHdXQ2k6nD2y9fRr9Zs3uYqkM4c8jHn5T imco-emulator-default';

function put(store: ObjectStore, kind: string, key: string, fields: Record<string, unknown>): StoredObject {
  return store.insert(kind, { id: seedId(`${kind}:${key}`), ...fields, [META.seed]: true });
}

/** Fills an empty store with the seeded catalogues. */
export function seed(store: ObjectStore, audit: AuditLog): void {
  const locations = new Map(LOCATIONS.map((name) => [name, put(store, 'location', name, { name })]));
  for (const image of GENERIC_IMAGES) put(store, 'generic_image', image, { name: image });

  for (const p of PROVIDERS) {
    const provider = put(store, 'cloud_provider', p.key, {
      name: p.name,
      disambiguation: '',
      required_credentials: [...p.requiredCredentials],
    });
    put(store, 'cloud_account', p.account, {
      name: p.account,
      cloud_provider_id: provider.id,
      last_discovered_at: null,
      last_discovery_failed_at: null,
      supports_importing: true,
      supports_importing_vpcs: true,
      supports_importing_floating_ips: true,
      supports_importing_volumes: true,
    });
    for (const r of p.realms) {
      const location = locations.get(r.location as (typeof LOCATIONS)[number])!;
      const realm = put(store, 'realm', `${p.key}:${r.providerName}`, {
        name: r.name,
        location_id: location.id,
        cloud_provider_id: provider.id,
        provider_name: r.providerName,
        deprecated: false,
      });
      for (const plan of p.serverPlans) {
        put(store, 'server_plan', `${p.key}:${r.providerName}:${plan.name}`, {
          name: plan.name,
          memory: plan.memory,
          cpus: plan.cpus,
          storage: plan.storage,
          location_id: location.id,
          location_name: location.name,
          cloud_provider_id: provider.id,
          cloud_provider_name: provider.name,
          realm_id: realm.id,
          realm_provider_name: r.providerName,
          flavour_provider_name: plan.name,
        });
      }
      for (const plan of p.storagePlans) {
        put(store, 'storage_plan', `${p.key}:${r.providerName}:${plan.name}`, {
          name: plan.name,
          min_size: plan.min,
          max_size: plan.max,
          cloud_provider_id: provider.id,
          location_id: location.id,
          realm_id: realm.id,
          realm_provider_name: r.providerName,
          flavour_provider_name: plan.name,
          deprecated: plan.deprecated === true,
        });
      }
    }
    for (const plan of p.vpnPlans) {
      put(store, 'vpn_plan', `${p.key}:${plan.name}`, {
        name: plan.name,
        active_active: String(plan.activeActive),
        remote_id: `${p.key}-vpn-${plan.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
        cloud_provider_id: provider.id,
      });
    }
  }

  for (const s of SAAS_PROVIDERS) put(store, 'saas_provider', s.name, { name: s.name, required_account_data: [...s.requiredAccountData] });

  seedAccountDefaults(store);
  audit.system('info', 'Platform ready', 'The IMCO emulator platform was created with seeded catalogues');
}

/** The account's default firewall profile and SSH profile, as IMCO creates them. */
function seedAccountDefaults(store: ObjectStore): void {
  put(store, 'firewall_profile', 'default', {
    name: DEFAULT_FIREWALL_PROFILE_NAME,
    description: 'Default firewall profile of the account: management access for the platform',
    default: true,
    rules: MANAGEMENT_PORTS.map((port) => ({ ip_protocol: 'tcp', min_port: port, max_port: port, source: 'any' })),
    label_ids: [],
  });
  put(store, 'ssh_profile', 'default', { name: DEFAULT_SSH_PROFILE_NAME, public_key: DEFAULT_PUBLIC_KEY, label_ids: [] });
}
