/**
 * Issue 14, points 11–15: AWS checks that were wrong on a real-shaped organization, through core's
 * `scan()` and the official SDK clients against the local cloud. Member accounts are entered through the
 * audit role; root credentials are managed centrally; some users have no console password; a member's
 * trail listing does not show the organization trail; one service's delegated administrators cannot be
 * read. Each row is what a finding must say; the scan is recorded and its replay must match it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { parseSnapshot, renderJsonReport, scan, serializeSnapshot, type Finding, type ScanResult } from '@demarc/core';
import { startLocalCloud, type LocalCloud } from '@demarc/local-cloud';
import { awsProvider } from '../provider';
import { CENTRALLY_MANAGED } from './estates';

const NOW = new Date('2025-06-01T00:00:00Z');
const REGION = 'us-east-1';
const ROLE = 'DemarcAudit';
const ORG = 'arn:aws:organizations::121212121212:organization/o-central00001';
const ROOT_ACCESS_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html'
  + '#id_root-user-access-management';
const user = (name: string) => `arn:aws:iam::232323232323:user/${name}`;
const service = (principal: string) => `${ORG}/service-access/${principal}`;
const [CT, CONFIG, GUARDDUTY, HUB] = ['cloudtrail', 'config', 'guardduty', 'securityhub']
  .map((name) => `${name}.amazonaws.com`) as [string, string, string, string];

let cloud: LocalCloud;
let live: ScanResult;
beforeAll(async () => {
  cloud = await startLocalCloud({ estate: CENTRALLY_MANAGED });
  // Point 14: GuardDuty's administrators cannot be read; the same call for the other services answers.
  const operation = 'organizations:ListDelegatedAdministrators';
  cloud.faults.set([{ vendor: 'aws', operation, request: /guardduty\.amazonaws\.com/, accessDenied: true }]);
  const retryStrategy = () => new ConfiguredRetryStrategy(3, () => 5);
  const provider = awsProvider({ ...cloud.aws.clientConfig(), roleName: ROLE, regions: [REGION], retryStrategy });
  live = await scan({ providers: [provider], now: NOW, record: true });
});
afterAll(async () => {
  await cloud?.stop();
});

const finding = (checkId: string, resourceId: string): Finding | undefined =>
  live.findings.find((f) => f.checkId === checkId && f.resource.id === resourceId);

/** Point of the issue, check, resource, status, message (or a matcher, where a request id varies). */
type Row = readonly [point: string, checkId: string, resourceId: string, status: Finding['status'], message: unknown];

describe('issue 14: AWS checks on a real-shaped organization', () => {
  const noPassword = (name: string) =>
    `IAM user ${name} has no console password: MFA at console sign-in does not apply to it.`;
  const mfa = (name: string, seen: string) => `IAM user ${name} has a console password and ${seen}.`;
  const unused = (name: string, seen: string) => `IAM user ${name} has credentials unused for over 45 days: ${seen}.`;
  const used = (name: string, seen: string) => `IAM user ${name} has no credential unused for over 45 days: ${seen}.`;
  const access = (principal: string, on: boolean, admins: string) =>
    `${principal} has ${on ? '' : 'no '}trusted access to the organization; delegated administrator: ${admins}.`;
  const orgTrail = (account: string) =>
    'Organization trail central-trail (arn:aws:cloudtrail:us-east-1:121212121212:trail/central-trail, home region '
    + `us-east-1) of management account 121212121212 logs every region of account ${account}.`;
  it.each<Row>([
    // 11. MFA is for console users: an API-only user is skipped, a console user still needs MFA.
    ['11', 'aws-iam-user-mfa', user('deploy-bot'), 'skipped', noPassword('deploy-bot')],
    ['11', 'aws-iam-user-mfa', user('idle-key'), 'skipped', noPassword('idle-key')],
    ['11', 'aws-iam-user-mfa', user('never-signed-in'), 'pass', mfa('never-signed-in', 'MFA')],
    ['11', 'aws-iam-user-mfa', user('new-hire'), 'fail', mfa('new-hire', 'no MFA device')],
    // 12. A member whose root credentials were removed centrally passes, citing why; one that kept a password fails.
    [
      '12', 'aws-iam-root-mfa', 'arn:aws:iam::232323232323:root', 'pass',
      'The root user of 232323232323 has no MFA and no credentials (no password, access keys or signing '
      + 'certificates): organization o-central00001 manages root credentials centrally and they were removed, so '
      + `nobody can sign in as root (${ROOT_ACCESS_DOC}).`,
    ],
    [
      '12', 'aws-iam-root-mfa', 'arn:aws:iam::343434343434:root', 'fail',
      'The root user of 343434343434 has no MFA and still has a password, although organization o-central00001 manages '
      + 'root credentials centrally: delete them from the management account.',
    ],
    ['12', 'aws-iam-root-mfa', 'arn:aws:iam::121212121212:root', 'pass', 'The root user of 121212121212 has MFA.'],
    // 13. What was seen: last use, or never used since created on a date; a never-used password past 45 days fails.
    [
      '13', 'aws-iam-unused-credentials', user('never-signed-in'), 'fail',
      unused('never-signed-in', 'console password never used since created on 2024-01-02'),
    ],
    [
      '13', 'aws-iam-unused-credentials', user('idle-key'), 'fail',
      unused('idle-key', 'access key AKIAEXAMPLEIDLEKEY01 never used since created on 2024-06-01'),
    ],
    [
      '13', 'aws-iam-unused-credentials', user('no-credentials'), 'pass',
      'IAM user no-credentials has no credential: no console password and no active access key.',
    ],
    [
      '13', 'aws-iam-unused-credentials', user('deploy-bot'), 'pass',
      used('deploy-bot', 'access key AKIAEXAMPLEDEPLOY001 last used on 2025-05-20'),
    ],
    [
      '13', 'aws-iam-unused-credentials', user('new-hire'), 'pass',
      used('new-hire', 'console password never used since created on 2025-05-25; '
        + 'access key AKIAEXAMPLENEWKEY001 never used since created on 2025-05-25'),
    ],
    // 14. One finding per service; the failed call is an error for GuardDuty alone; administrators whatever the access.
    ['14', 'aws-org-security-services-access', service(CT), 'pass', access(CT, true, 'none')],
    ['14', 'aws-org-security-services-access', service(CONFIG), 'fail', access(CONFIG, false, '232323232323')],
    [
      '14', 'aws-org-security-services-access', service(GUARDDUTY), 'error',
      expect.stringMatching(new RegExp('^guardduty\\.amazonaws\\.com has trusted access to the organization, but '
        + 'its delegated administrators could not be read: organizations:ListDelegatedAdministrators failed: '
        + 'AccessDenied')),
    ],
    ['14', 'aws-org-security-services-access', service(HUB), 'pass', access(HUB, true, '232323232323')],
    // 15. Members covered by the organization trail of the management account, which the finding names.
    ['15', 'aws-cloudtrail-multi-region', '232323232323', 'pass', orgTrail('232323232323')],
    ['15', 'aws-cloudtrail-multi-region', '343434343434', 'pass', orgTrail('343434343434')],
    ['15', 'aws-cloudtrail-multi-region', '121212121212', 'pass', 'Trail central-trail logs every region.'],
  ])('point %s: %s on %s is %s', (_point, checkId, resourceId, status, message) => {
    expect(finding(checkId, resourceId)).toMatchObject({ status, message });
  });

  it('14: reports the failed call as the finding\'s error, and one finding per service', () => {
    const services = live.findings.filter((f) => f.checkId === 'aws-org-security-services-access');
    expect(services).toHaveLength(4);
    expect(services.filter((f) => f.status === 'error').map((f) => f.error)).toEqual([
      expect.objectContaining({ name: 'AccessDeniedError', operation: 'organizations:ListDelegatedAdministrators' }),
    ]);
  });

  it('asks organization-wide data once: no request repeats one already answered', () => {
    expect(cloud.counters.redundant()).toEqual({});
    expect(cloud.counters.count('aws', 'iam:ListOrganizationsFeatures')).toBe(1);
    // The management account's trail listing serves its own check and both members'.
    expect(cloud.counters.count('aws', 'cloudtrail:DescribeTrails')).toBe(3);
    expect(cloud.counters.writes).toEqual([]);
  });

  it('replays the recorded scan to the same report, with no cloud call', async () => {
    const before = cloud.counters.total('aws');
    const replay = parseSnapshot(serializeSnapshot(live.snapshot!));
    const providers = [awsProvider({ ...cloud.aws.clientConfig(), roleName: ROLE })];
    const replayed = await scan({ providers, now: NOW, replay });
    expect(cloud.counters.total('aws')).toBe(before);
    expect(renderJsonReport(replayed)).toBe(renderJsonReport(live));
  });
});
