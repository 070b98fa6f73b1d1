/**
 * The demo estate: a small organization per vendor with a realistic mix of good and bad practice,
 * for the README demo, the examples and the tests. Every id is fake (AWS accounts `111111111111`...,
 * `example.com`, GUIDs of repeated digits).
 *
 * What is deliberately wrong (and what is right) is listed per vendor (AWS in `demo-aws.ts`, Google
 * Cloud and Azure below), so checks built on the local cloud know what to expect.
 *
 * @module
 */
import { awsDemo } from './demo-aws.ts';
import type { AzureEstate, AzureResource, Estate, GcpEstate } from './types.ts';

const gcpDemo: GcpEstate = {
  organizations: [
    {
      id: '100000000001',
      displayName: 'example.com',
      directoryCustomerId: 'C0example',
      createTime: '2020-01-15T10:00:00Z',
      iamPolicy: {
        bindings: [
          { role: 'roles/resourcemanager.organizationAdmin', members: ['group:gcp-admins@example.com'] },
          { role: 'roles/billing.creator', members: ['domain:example.com'] },
        ],
        auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'ADMIN_READ' }, { logType: 'DATA_READ' }, { logType: 'DATA_WRITE' }] }],
      },
    },
  ],
  folders: [
    { id: '200000000001', parent: 'organizations/100000000001', displayName: 'Production', createTime: '2020-02-01T10:00:00Z', iamPolicy: { bindings: [{ role: 'roles/resourcemanager.folderViewer', members: ['group:sre@example.com'] }] } },
    { id: '200000000002', parent: 'organizations/100000000001', displayName: 'Development', createTime: '2020-02-01T10:00:00Z' },
    { id: '200000000003', parent: 'folders/200000000001', displayName: 'Payments', createTime: '2020-03-01T10:00:00Z' },
  ],
  projects: [
    {
      // Compliant: owner label, groups only, full audit logging.
      projectId: 'example-payments-prod',
      number: '300000000001',
      parent: 'folders/200000000003',
      displayName: 'Payments (prod)',
      labels: { owner: 'payments-team', env: 'prod' },
      createTime: '2021-01-10T10:00:00Z',
      iamPolicy: {
        bindings: [
          { role: 'roles/owner', members: ['group:payments-admins@example.com'] },
          { role: 'roles/viewer', members: ['group:payments@example.com'] },
          { role: 'roles/cloudsql.serviceAgent', members: ['serviceAccount:service-300000000001@gcp-sa-cloud-sql.iam.gserviceaccount.com'] },
        ],
        auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'ADMIN_READ' }, { logType: 'DATA_READ' }, { logType: 'DATA_WRITE' }] }],
      },
    },
    {
      // roles/owner granted to an individual user; allUsers can view the project.
      projectId: 'example-web-prod',
      number: '300000000002',
      parent: 'folders/200000000001',
      displayName: 'Web (prod)',
      labels: { owner: 'web-team', env: 'prod' },
      createTime: '2021-02-10T10:00:00Z',
      iamPolicy: {
        bindings: [
          { role: 'roles/owner', members: ['user:dev.lead@example.com', 'group:web-admins@example.com'] },
          { role: 'roles/viewer', members: ['allUsers'] },
          { role: 'roles/compute.serviceAgent', members: ['serviceAccount:service-300000000002@compute-system.iam.gserviceaccount.com'] },
        ],
        auditConfigs: [{ service: 'storage.googleapis.com', auditLogConfigs: [{ logType: 'DATA_READ', exemptedMembers: ['user:dev.lead@example.com'] }] }],
      },
    },
    {
      // No owner label; a deleted user still bound; an expired conditional grant; a Google service agent.
      projectId: 'example-dev-sandbox',
      number: '300000000003',
      parent: 'folders/200000000002',
      displayName: 'Dev sandbox',
      labels: { env: 'dev' },
      createTime: '2022-05-10T10:00:00Z',
      iamPolicy: {
        bindings: [
          { role: 'roles/editor', members: ['deleted:user:former.employee@example.com?uid=123456789012345678901', 'group:developers@example.com'] },
          {
            role: 'roles/owner',
            members: ['user:contractor@example.com'],
            condition: { title: 'expires-2024', description: 'Temporary access for the migration', expression: 'request.time < timestamp("2024-01-01T00:00:00Z")' },
          },
          { role: 'roles/pubsub.serviceAgent', members: ['serviceAccount:service-300000000003@gcp-sa-pubsub.iam.gserviceaccount.com'] },
        ],
      },
    },
    {
      // Scheduled for deletion.
      projectId: 'example-old-experiment',
      number: '300000000004',
      parent: 'folders/200000000002',
      displayName: 'Old experiment',
      state: 'DELETE_REQUESTED',
      labels: { owner: 'research' },
      createTime: '2020-06-10T10:00:00Z',
      iamPolicy: { bindings: [{ role: 'roles/owner', members: ['group:research@example.com'] }] },
    },
    {
      // Compliant shared logging project directly under the organization.
      projectId: 'example-shared-logging',
      number: '300000000005',
      parent: 'organizations/100000000001',
      displayName: 'Shared logging',
      labels: { owner: 'platform-team', env: 'shared' },
      createTime: '2020-03-10T10:00:00Z',
      iamPolicy: {
        bindings: [
          { role: 'roles/owner', members: ['group:platform-admins@example.com'] },
          { role: 'roles/logging.serviceAgent', members: ['serviceAccount:service-300000000005@gcp-sa-logging.iam.gserviceaccount.com'] },
        ],
        auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'ADMIN_READ' }, { logType: 'DATA_WRITE' }] }],
      },
    },
    {
      // The scanner may not read this project: get and getIamPolicy answer 403.
      projectId: 'example-restricted',
      number: '300000000006',
      parent: 'folders/200000000001',
      displayName: 'Restricted',
      labels: { owner: 'security-team' },
      createTime: '2021-09-10T10:00:00Z',
      accessDenied: true,
    },
  ],
};

const SUB_PROD = '11111111-1111-1111-1111-111111111111';
const SUB_DEV = '22222222-2222-2222-2222-222222222222';
const SUB_RESTRICTED = '33333333-3333-3333-3333-333333333333';
const SUB_LEGACY = '44444444-4444-4444-4444-444444444444';

const storage = (name: string, location: string, props: { allowBlobPublicAccess: boolean; allowSharedKeyAccess: boolean }, tags?: Record<string, string>): AzureResource => ({
  name,
  type: 'Microsoft.Storage/storageAccounts',
  location,
  kind: 'StorageV2',
  sku: { name: 'Standard_LRS', tier: 'Standard' },
  ...(tags ? { tags } : {}),
  properties: { ...props, minimumTlsVersion: 'TLS1_2', supportsHttpsTrafficOnly: true, encryption: { keySource: 'Microsoft.Storage' } },
});

const vault = (name: string, location: string, purgeProtection: boolean, tags?: Record<string, string>): AzureResource => ({
  name,
  type: 'Microsoft.KeyVault/vaults',
  location,
  ...(tags ? { tags } : {}),
  properties: {
    tenantId: '00000000-0000-0000-0000-0000000000a1',
    sku: { family: 'A', name: 'standard' },
    enableSoftDelete: true,
    ...(purgeProtection ? { enablePurgeProtection: true } : {}),
    enableRbacAuthorization: true,
  },
});

const nsgRule = (name: string, priority: number, port: string, source: string, access: 'Allow' | 'Deny' = 'Allow') => ({
  name,
  properties: { protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: port, sourceAddressPrefix: source, destinationAddressPrefix: '*', access, priority, direction: 'Inbound' },
});

const AKS_ID = `/subscriptions/${SUB_PROD}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-prod`;

/** Regions the demo organization allows; `eastasia` resources are the deliberate exception. */
export const DEMO_AZURE_ALLOWED_LOCATIONS: readonly string[] = ['westeurope', 'northeurope'];

const azureDemo: AzureEstate = {
  tenantId: '00000000-0000-0000-0000-0000000000a1',
  managementGroups: [
    { name: '00000000-0000-0000-0000-0000000000a1', displayName: 'Tenant Root Group' },
    { name: 'mg-prod', displayName: 'Production', parent: '00000000-0000-0000-0000-0000000000a1' },
    { name: 'mg-nonprod', displayName: 'Non-production', parent: '00000000-0000-0000-0000-0000000000a1' },
  ],
  subscriptions: [
    {
      id: SUB_PROD,
      displayName: 'example-production',
      state: 'Enabled',
      managementGroup: 'mg-prod',
      tags: { owner: 'platform-team' },
      resourceGroups: [
        {
          // Compliant: owner tags, private storage, vault with purge protection, a delete lock.
          name: 'rg-payments',
          location: 'westeurope',
          tags: { owner: 'payments-team', env: 'prod' },
          locks: [{ name: 'no-delete', level: 'CanNotDelete', notes: 'Payments data' }],
          resources: [
            storage('stpaymentsprod', 'westeurope', { allowBlobPublicAccess: false, allowSharedKeyAccess: false }, { owner: 'payments-team' }),
            vault('kv-payments-prod', 'westeurope', true, { owner: 'payments-team' }),
          ],
        },
        {
          // Public blob access, shared keys, a vault without purge protection, SSH/RDP open to the
          // internet, untagged resources and one VM in a region outside the allowed list.
          name: 'rg-web',
          location: 'westeurope',
          tags: { env: 'prod' },
          resources: [
            storage('stwebassets', 'westeurope', { allowBlobPublicAccess: true, allowSharedKeyAccess: true }),
            vault('kv-web', 'westeurope', false),
            {
              name: 'nsg-web',
              type: 'Microsoft.Network/networkSecurityGroups',
              location: 'westeurope',
              tags: { owner: 'web-team' },
              properties: {
                securityRules: [nsgRule('allow-https', 100, '443', 'Internet'), nsgRule('allow-ssh', 110, '22', '*'), nsgRule('allow-rdp', 120, '3389', '0.0.0.0/0'), nsgRule('deny-all', 4000, '*', '*', 'Deny')],
              },
            },
            { name: 'vm-web-asia', type: 'Microsoft.Compute/virtualMachines', location: 'eastasia', properties: { hardwareProfile: { vmSize: 'Standard_B2s' } } },
          ],
        },
        {
          name: 'rg-aks',
          location: 'westeurope',
          tags: { owner: 'platform-team' },
          resources: [
            { name: 'aks-prod', type: 'Microsoft.ContainerService/managedClusters', location: 'westeurope', tags: { owner: 'platform-team' }, properties: { kubernetesVersion: '1.30.3', enableRBAC: true } },
          ],
        },
        {
          // Managed by AKS: its resources carry no owner tags and are not the customer's to fix.
          name: 'MC_rg-aks_aks-prod_westeurope',
          location: 'westeurope',
          managedBy: AKS_ID,
          tags: { 'aks-managed-cluster-name': 'aks-prod', 'aks-managed-cluster-rg': 'rg-aks' },
          resources: [
            { name: 'aks-nodepool1-12345678-vmss', type: 'Microsoft.Compute/virtualMachineScaleSets', location: 'westeurope', managedBy: AKS_ID, properties: {} },
            { name: 'kubernetes', type: 'Microsoft.Network/loadBalancers', location: 'westeurope', managedBy: AKS_ID, properties: {} },
            {
              name: 'aks-agentpool-12345678-nsg',
              type: 'Microsoft.Network/networkSecurityGroups',
              location: 'westeurope',
              properties: { securityRules: [nsgRule('k8s-https', 500, '443', 'Internet')] },
            },
          ],
        },
      ],
      roleAssignments: [
        { id: 'aaaaaaaa-0000-0000-0000-000000000001', roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', principalId: 'bbbbbbbb-0000-0000-0000-000000000001', principalType: 'Group' },
        { id: 'aaaaaaaa-0000-0000-0000-000000000002', roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', principalId: 'bbbbbbbb-0000-0000-0000-000000000002', principalType: 'User' },
        { id: 'aaaaaaaa-0000-0000-0000-000000000003', roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c', principalId: 'bbbbbbbb-0000-0000-0000-000000000003', principalType: 'ServicePrincipal', scope: `/subscriptions/${SUB_PROD}/resourceGroups/rg-web` },
        { id: 'aaaaaaaa-0000-0000-0000-000000000004', roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', principalId: 'bbbbbbbb-0000-0000-0000-000000000004', principalType: 'ServicePrincipal' },
      ],
      activityLogDiagnosticSettings: [
        {
          name: 'activity-to-law',
          workspaceId: `/subscriptions/${SUB_PROD}/resourceGroups/rg-payments/providers/Microsoft.OperationalInsights/workspaces/law-central`,
          logs: ['Administrative', 'Security', 'ServiceHealth', 'Alert', 'Recommendation', 'Policy', 'Autoscale', 'ResourceHealth'].map((category) => ({ category, enabled: true })),
        },
      ],
    },
    {
      // Development: no activity-log export, no locks, an owner-less storage account with public access.
      id: SUB_DEV,
      displayName: 'example-development',
      state: 'Enabled',
      managementGroup: 'mg-nonprod',
      resourceGroups: [
        {
          name: 'rg-dev',
          location: 'northeurope',
          resources: [storage('stdevscratch', 'northeurope', { allowBlobPublicAccess: true, allowSharedKeyAccess: true }), vault('kv-dev', 'northeurope', false, { owner: 'dev-team' })],
        },
      ],
      roleAssignments: [{ id: 'aaaaaaaa-0000-0000-0000-000000000010', roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', principalId: 'bbbbbbbb-0000-0000-0000-000000000010', principalType: 'User' }],
      activityLogDiagnosticSettings: [],
    },
    {
      // Listed, but every call under it answers 403 AuthorizationFailed.
      id: SUB_RESTRICTED,
      displayName: 'example-restricted',
      state: 'Enabled',
      managementGroup: 'mg-prod',
      accessDenied: true,
      resourceGroups: [{ name: 'rg-secret', location: 'westeurope', resources: [] }],
    },
    {
      id: SUB_LEGACY,
      displayName: 'example-legacy',
      state: 'Disabled',
      managementGroup: 'mg-nonprod',
      resourceGroups: [],
    },
  ],
};

/**
 * The demo estate (a fresh copy each call). AWS: 6 accounts (one suspended, one whose audit role
 * cannot be assumed), users with and without MFA, an old access key, SSH open to 0.0.0.0/0, EBS
 * default encryption off, root keys, a missing S3 Block Public Access. Google: 6 projects (owner
 * granted to a user, `allUsers`, a `deleted:` principal, an expired condition, service agents, no
 * owner label, one `DELETE_REQUESTED`, one unreadable). Azure: 4 subscriptions (one answering 403,
 * one disabled), public blob access, a vault without purge protection, an AKS-managed group, untagged
 * resources, a resource in `eastasia`.
 */
export const demoEstate = (): Estate => structuredClone({ aws: awsDemo, gcp: gcpDemo, azure: azureDemo });
