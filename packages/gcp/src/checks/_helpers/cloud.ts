/**
 * One local cloud per test file, and one check run against it through the official Resource Manager
 * client (REST) and core's `scan`: the check sees exactly what a real scan would collect.
 */
import { afterAll, beforeAll } from 'vitest';
import { OAuth2Client } from 'google-auth-library';
import { scan, type CheckOptionsInput, type Finding } from '@demarc/core';
import { startLocalCloud, type GcpBinding, type GcpEstate, type GcpOrganization, type GcpProject, type LocalCloud } from '@demarc/local-cloud';
import { gcpProvider, type GcpProviderOptions } from '../../provider';

const T = '2024-01-01T00:00:00Z';
const NOW = new Date('2025-06-01T00:00:00Z');

/** The organization of the test estates: `organizations/1`, domain example.com. */
export const ORGANIZATION = { id: '1', displayName: 'example.com', directoryCustomerId: 'C0test', createTime: T } as const;

/** An estate of one organization (example.com) with these projects and folders. */
export const inOrganization = (projects: readonly GcpProject[], folders: GcpEstate['folders'] = [], iamPolicy?: GcpOrganization['iamPolicy']): GcpEstate => ({
  organizations: [{ ...ORGANIZATION, ...(iamPolicy ? { iamPolicy } : {}) }],
  folders,
  projects,
});

/** A project of a test estate, in the organization unless `parent` says otherwise. */
export const estateProject = (projectId: string, bindings: readonly GcpBinding[], extra: Partial<GcpProject> = {}): GcpProject => ({
  projectId,
  number: String(1000 + projectId.length),
  parent: 'organizations/1',
  displayName: projectId,
  createTime: T,
  labels: { owner: 'team-a' },
  iamPolicy: { bindings },
  ...extra,
});

/** An auth client holding a fixed token: the local cloud accepts any, and no credentials are looked for. */
export const fakeAuth = (): OAuth2Client => {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: 'local-test-token', expiry_date: Date.now() + 3_600_000 });
  return client;
};

/** What one run can change. */
export interface LocalRun {
  /** The check's options (`checkOptions` of the scan, under the check's id). */
  readonly options?: CheckOptionsInput;
  /** `checkOptions` of the scan as given (e.g. under a former id). */
  readonly checkOptions?: Readonly<Record<string, CheckOptionsInput>>;
  /** Provider options besides the local cloud's endpoint. */
  readonly provider?: Partial<GcpProviderOptions>;
}

/** `status scope name-or-id` of each finding, sorted: what a test compares. */
export const lines = (findings: readonly Finding[]): string[] =>
  findings
    .map((f) => `${f.status} ${f.resource.scope} ${f.resource.name ?? f.resource.id.replace('//cloudresourcemanager.googleapis.com/', '')}`)
    .sort();

/**
 * Starts a local cloud serving `estate` for this test file (stopped after it) and returns a runner of
 * the check `checkId` against it.
 */
export function localCheck(checkId: string, estate: GcpEstate) {
  let cloud: LocalCloud | undefined;
  beforeAll(async () => {
    cloud = await startLocalCloud({ estate: { gcp: estate } });
  });
  afterAll(async () => {
    await cloud?.stop();
  });
  return {
    /** The running local cloud. */
    cloud: (): LocalCloud => cloud!,
    /** Scans the estate with this check only and returns its findings. */
    async run(run: LocalRun = {}): Promise<readonly Finding[]> {
      const { apiEndpoint, port, protocol } = cloud!.gcp.clientOptions();
      const provider = gcpProvider({
        authClient: fakeAuth(), transport: 'rest', apiEndpoint, port, protocol,
        retry: { initialDelayMs: 5, maxDelayMs: 25 }, ...run.provider,
      });
      const result = await scan({
        providers: [provider],
        filter: (meta) => meta.id === checkId,
        now: NOW,
        checkOptions: { ...run.checkOptions, ...(run.options ? { [checkId]: run.options } : {}) },
      });
      return result.findings;
    },
  };
}
