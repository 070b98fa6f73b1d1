/**
 * Account and regional settings: S3 Block Public Access, EBS encryption by default, security groups
 * open to the internet on administration ports.
 * @module
 */
import type { AwsIpPermissionData, AwsPublicAccessBlockData, AwsSecurityGroupData } from '../collectors';
import { defineAwsCheck } from './define';
import { regionsOf } from './shared';

/** Account-level S3 Block Public Access, all four settings on. */
export const s3AccountPublicAccessBlock = defineAwsCheck({
  meta: {
    id: 'aws-s3-account-public-access-block', title: 'S3 Block Public Access is on for the account', domain: 'service-configuration', severity: 'high',
    description: 'Reads the account-level S3 Block Public Access configuration (S3 Control).',
    rationale: 'Who may read a bucket is configuration the customer owns. The account-level block stops any bucket policy or ACL in the account from making data public by mistake; the new-bucket default does not cover older buckets or a changed setting.',
    remediation: 'Turn on all four settings at account level (S3 console → Block Public Access settings for this account) and grant exceptions through CloudFront or access points instead.',
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
    permissions: ['s3:GetAccountPublicAccessBlock'],
    compliance: [{ framework: 'cis-aws-3.0', control: '2.1.4' }],
    messages: { on: 'S3 Block Public Access is fully on for account {{account}}.', partial: 'S3 Block Public Access is off for account {{account}}: {{off}}.', missing: 'Account {{account}} has no account-level S3 Block Public Access configuration.' },
  },
  async *run(context) {
    const config = await context.collect<AwsPublicAccessBlockData | null>('s3-control:GetPublicAccessBlock');
    const resource = { id: `arn:aws:s3::${context.scope.id}:account-public-access-block`, type: 's3', name: 'account Block Public Access' };
    if (!config) return yield { status: 'fail', resource, messageId: 'missing', data: { account: context.scope.id, off: 'all' } };
    const off = Object.entries(config).filter(([, on]) => !on).map(([name]) => name);
    yield { status: off.length ? 'fail' : 'pass', resource, messageId: off.length ? 'partial' : 'on', data: { account: context.scope.id, off: off.join(', ') }, evidence: { ...config } };
  },
});

/** EBS encryption by default in every region. */
export const ec2EbsDefaultEncryption = defineAwsCheck({
  meta: {
    id: 'aws-ec2-ebs-default-encryption', title: 'EBS encryption by default is on in every region', domain: 'data-protection', severity: 'medium',
    description: 'Reads GetEbsEncryptionByDefault in each region of the account.',
    rationale: 'On infrastructure services the customer encrypts its volumes. Encryption by default makes every new volume and snapshot encrypted without relying on each launch template.',
    remediation: 'Turn on EBS encryption by default in each region (EC2 console → Settings → Data protection and security, or `aws ec2 enable-ebs-encryption-by-default --region <region>`).',
    references: ['https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html'],
    permissions: ['ec2:DescribeRegions', 'ec2:GetEbsEncryptionByDefault'],
    compliance: [{ framework: 'cis-aws-3.0', control: '2.2.1' }],
    messages: { on: 'EBS encryption by default is on in {{region}}.', off: 'EBS encryption by default is off in {{region}}.' },
  },
  async *run(context) {
    for (const region of await regionsOf(context)) {
      const { enabled } = await context.collect<{ enabled: boolean }>('ec2:GetEbsEncryptionByDefault', { region });
      const resource = { id: `arn:aws:ec2:${region}:${context.scope.id}:ebs-encryption-by-default`, type: 'ec2:volume', region, name: `EBS encryption by default (${region})` };
      yield { status: enabled ? 'pass' : 'fail', resource, messageId: enabled ? 'on' : 'off', data: { region } };
    }
  },
});

/** The administration ports checked: SSH and RDP. */
export const ADMIN_PORTS = [22, 3389] as const;
const OPEN = new Set(['0.0.0.0/0', '::/0']);

const opensAdminPort = (rule: AwsIpPermissionData): number | undefined => {
  if (![...rule.cidrs, ...rule.ipv6Cidrs].some((cidr) => OPEN.has(cidr))) return undefined;
  if (rule.protocol === '-1') return ADMIN_PORTS[0];
  if (rule.protocol !== 'tcp' && rule.protocol !== '6') return undefined;
  return ADMIN_PORTS.find((port) => (rule.fromPort ?? 0) <= port && port <= (rule.toPort ?? 65535));
};

/** No security group admits 0.0.0.0/0 or ::/0 on SSH or RDP. */
export const ec2AdminPortsOpen = defineAwsCheck({
  meta: {
    id: 'aws-ec2-admin-ports-open', title: 'No security group admits the internet on SSH or RDP', domain: 'network-controls', severity: 'high',
    description: 'Reads every security group of every region and looks for inbound rules from 0.0.0.0/0 or ::/0 that cover port 22 or 3389.',
    rationale: 'Security groups are the firewall AWS leaves to the customer. SSH and RDP open to the whole internet are scanned and brute-forced within minutes.',
    remediation: 'Remove the rule; reach instances through Systems Manager Session Manager, a VPN or a bastion restricted to known addresses.',
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html'],
    permissions: ['ec2:DescribeRegions', 'ec2:DescribeSecurityGroups'],
    compliance: [{ framework: 'cis-aws-3.0', control: '5.2' }],
    messages: { closed: 'Security group {{group}} admits no internet traffic on SSH or RDP.', open: 'Security group {{group}} admits the internet on port {{port}}.' },
  },
  async *run(context) {
    for (const region of await regionsOf(context)) {
      for (const group of await context.collect<AwsSecurityGroupData[]>('ec2:DescribeSecurityGroups', { region })) {
        const port = group.ingress.map(opensAdminPort).find((p) => p !== undefined);
        const resource = { id: `arn:aws:ec2:${region}:${context.scope.id}:security-group/${group.groupId}`, type: 'ec2:security-group', region, name: group.groupName };
        yield { status: port === undefined ? 'pass' : 'fail', resource, messageId: port === undefined ? 'closed' : 'open', data: { group: `${group.groupId} (${group.groupName})`, port: port ?? '' } };
      }
    }
  },
});
