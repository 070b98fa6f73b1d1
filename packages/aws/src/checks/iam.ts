/**
 * IAM checks of users and roles per account: console users' MFA, credentials nobody used for 45 days
 * (CIS 1.12), roles nobody assumed for 90 days. The root user's checks are in `iam-root.ts`.
 * @module
 */
import type { CheckContext } from '@demarc/core';
import type {
  AwsAccessKeyData, AwsAccessKeyLastUsedData, AwsIamRoleData, AwsIamUserData, AwsLoginProfileData, AwsRoleLastUsedData,
} from '../collectors';
import { defineAwsCheck } from './define';
import { daysBetween } from './shared';

export { iamRootAccessKeys, iamRootMfa } from './iam-root';

const IAM_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
const userResource = (user: AwsIamUserData) => ({ id: user.arn, type: 'iam:user', name: user.userName });
/** The console password of a user, or `null` when it has none (it cannot sign in to the console). */
const loginProfileOf = (context: CheckContext, user: AwsIamUserData) =>
  context.collect<AwsLoginProfileData | null>('iam:GetLoginProfile', { userName: user.userName });

/** IAM users with a console password have an MFA device. */
export const iamUserMfa = defineAwsCheck({
  meta: {
    id: 'aws-iam-user-mfa', title: 'IAM users with a console password have MFA', domain: 'accounts-access',
    severity: 'high',
    description: 'Lists IAM users, reads whether each has a console password (GetLoginProfile) and, for those who '
      + 'do, their MFA devices. A user without a console password cannot sign in to the console: it is reported as '
      + 'skipped (its access keys are aws-iam-unused-credentials\' concern).',
    rationale: 'Enforcing MFA is the customer\'s part of access management in every service model; a console user '
      + 'with only a password is taken over by one phished secret.',
    remediation: 'Assign an MFA device to the user, or replace the IAM user with federated access through IAM Identity Center.',
    references: [`${IAM_DOCS}/id_credentials_mfa_enable.html`, `${IAM_DOCS}/Using_ManagingLogins.html`],
    permissions: ['iam:ListUsers', 'iam:GetLoginProfile', 'iam:ListMFADevices'],
    compliance: [{ framework: 'cis-aws-3.0', control: '1.10' }],
    messages: {
      mfa: 'IAM user {{user}} has a console password and MFA.',
      noMfa: 'IAM user {{user}} has a console password and no MFA device.',
      noPassword: 'IAM user {{user}} has no console password: MFA at console sign-in does not apply to it.',
    },
  },
  async *run(context) {
    for (const user of await context.collect<AwsIamUserData[]>('iam:ListUsers')) {
      const data = { user: user.userName };
      // CIS 1.10 is about console users; an API-only user is neither compliant nor failing here.
      if ((await loginProfileOf(context, user)) === null) {
        const noPassword = { consolePassword: false };
        yield { status: 'skipped', resource: userResource(user), messageId: 'noPassword', data, evidence: noPassword };
        continue;
      }
      const devices = await context.collect<unknown[]>('iam:ListMFADevices', { userName: user.userName });
      const mfa = devices.length > 0;
      const evidence = { consolePassword: true, mfaDevices: devices.length };
      const resource = userResource(user);
      yield { status: mfa ? 'pass' : 'fail', resource, messageId: mfa ? 'mfa' : 'noMfa', data, evidence };
    }
  },
});

/** How many days without use make a user's credential a leaver's: CIS AWS Foundations 3.0, control 1.12. */
export const UNUSED_CREDENTIAL_DAYS = 45;
/** How many days without use make a role a leftover. */
export const UNUSED_ROLE_DAYS = 90;

/** One credential of a user as seen: its description (what, last use or creation) and whether it is stale. */
interface CredentialUse {
  readonly stale: boolean;
  readonly text: string;
}

/** Describes a credential's use: last used on a date, or never used since it was created. */
function credentialUse(what: string, lastUsed: string | undefined, created: string | undefined, now: Date):
  CredentialUse {
  const day = (iso: string) => iso.slice(0, 10);
  const stale = (since: string) => daysBetween(since, now) > UNUSED_CREDENTIAL_DAYS;
  if (lastUsed !== undefined) return { stale: stale(lastUsed), text: `${what} last used on ${day(lastUsed)}` };
  // Never used (IAM records none): its age counts from its creation; an undated one is unused for all we know.
  if (created === undefined) return { stale: true, text: `${what} never used (creation date unknown)` };
  return { stale: stale(created), text: `${what} never used since created on ${day(created)}` };
}

/** IAM users whose console password or active access keys nobody used for 45 days: likely leavers. */
export const iamUnusedCredentials = defineAwsCheck({
  meta: {
    id: 'aws-iam-unused-credentials',
    title: `IAM user credentials were used in the last ${UNUSED_CREDENTIAL_DAYS} days`, domain: 'accounts-access',
    severity: 'medium',
    description: 'For each IAM user, reads whether it has a console password (GetLoginProfile) and which access keys '
      + 'are active, and when each was last used; a credential never used counts from when it was created. CIS 1.12 '
      + `sets the limit at ${UNUSED_CREDENTIAL_DAYS} days.`,
    rationale: 'Credentials nobody uses usually belong to people who left or jobs that stopped; removing leavers\' access is the customer\'s duty and the periodic access review is where it is missed.',
    remediation: 'Confirm with the owner, then deactivate and delete the unused access keys and console password, or delete the user.',
    references: [`${IAM_DOCS}/id_credentials_finding-unused.html`],
    permissions: ['iam:ListUsers', 'iam:GetLoginProfile', 'iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed'],
    compliance: [{ framework: 'cis-aws-3.0', control: '1.12' }],
    messages: {
      used: 'IAM user {{user}} has no credential unused for over {{days}} days: {{credentials}}.',
      unused: 'IAM user {{user}} has credentials unused for over {{days}} days: {{credentials}}.',
      none: 'IAM user {{user}} has no credential: no console password and no active access key.',
    },
  },
  async *run(context) {
    for (const user of await context.collect<AwsIamUserData[]>('iam:ListUsers')) {
      const uses: CredentialUse[] = [];
      const profile = await loginProfileOf(context, user);
      const created = profile?.createDate ?? user.createDate;
      if (profile !== null) uses.push(credentialUse('console password', user.passwordLastUsed, created, context.now));
      for (const key of await context.collect<AwsAccessKeyData[]>('iam:ListAccessKeys', { userName: user.userName })) {
        // An inactive key cannot sign a request: not a credential to use.
        if (key.status !== 'Active') continue;
        const used = await context.collect<AwsAccessKeyLastUsedData>('iam:GetAccessKeyLastUsed', { keyId: key.keyId });
        uses.push(credentialUse(`access key ${key.keyId}`, used.lastUsedDate, key.createDate, context.now));
      }
      const stale = uses.filter((u) => u.stale);
      const messageId = uses.length === 0 ? 'none' : stale.length > 0 ? 'unused' : 'used';
      const shown = stale.length > 0 ? stale : uses;
      const credentials = shown.map((u) => u.text).join('; ');
      const data = { user: user.userName, days: UNUSED_CREDENTIAL_DAYS, credentials };
      const evidence = { consolePassword: profile !== null, credentials: uses.map((u) => u.text) };
      const resource = userResource(user);
      yield { status: messageId === 'unused' ? 'fail' : 'pass', resource, messageId, data, evidence };
    }
  },
});

/** IAM roles nobody assumed for 90 days: leftovers of people, vendors or projects that are gone. */
export const iamUnusedRoles = defineAwsCheck({
  meta: {
    id: 'aws-iam-unused-roles', title: `IAM roles were used in the last ${UNUSED_ROLE_DAYS} days`, domain: 'accounts-access',
    severity: 'low',
    description: 'For each IAM role, reads when it was last used (or created, if IAM has no use recorded). Service-linked roles are AWS\'s to remove: their failures are reported as provider-managed.',
    rationale: 'A role nobody assumes still grants its permissions to whoever its trust policy names: departed staff, ended vendor contracts, retired pipelines. Reviewing and removing them is part of the customer\'s access review.',
    remediation: 'Confirm with the role\'s owner, then delete the role (or narrow its trust policy); record the decision in the access review.',
    references: [`${IAM_DOCS}/id_roles_manage_delete.html`, `${IAM_DOCS}/access_policies_access-advisor.html`],
    permissions: ['iam:ListRoles', 'iam:GetRole'],
    messages: { used: 'IAM role {{role}} was used in the last {{days}} days.', unused: 'IAM role {{role}} has not been used for over {{days}} days (since {{since}}).' },
  },
  async *run(context) {
    for (const role of await context.collect<AwsIamRoleData[]>('iam:ListRoles')) {
      const { lastUsedDate } = await context.collect<AwsRoleLastUsedData>('iam:GetRole', { roleName: role.roleName });
      const since = lastUsedDate ?? role.createDate;
      const unused = since !== undefined && daysBetween(since, context.now) > UNUSED_ROLE_DAYS;
      const data = { role: role.roleName, days: UNUSED_ROLE_DAYS, since: since ?? 'never' };
      const resource = { id: role.arn, type: 'iam:role', name: role.roleName };
      yield { status: unused ? 'fail' : 'pass', resource, messageId: unused ? 'unused' : 'used', data };
    }
  },
});
