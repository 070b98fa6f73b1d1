import { describe, expect, it } from 'vitest';
import { BASELINE_MATRIX, DOMAIN_IDS, SERVICE_VARIANTS, resolveCitation, responsibilityOf, type Citation } from '@demarc/core';
import { AWS_CATALOG, awsService, classify, parseArn } from './catalog';
import { AWS_SERVICE_CATEGORIES } from './framing';
import { AWS_SOURCES } from './sources';

const expectResolvable = (citations: readonly Citation[], label: string): void => {
  expect(citations.length, label).toBeGreaterThan(0);
  for (const citation of citations) expect(() => resolveCitation(citation, AWS_SOURCES), label).not.toThrow();
};

describe('AWS service catalog', () => {
  it('has at least 25 services with unique kebab-case ids, all AWS', () => {
    expect(AWS_CATALOG.length).toBeGreaterThanOrEqual(25);
    const ids = AWS_CATALOG.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of AWS_CATALOG) {
      expect(entry.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(entry.provider).toBe('aws');
    }
  });

  it('includes every service the issue names', () => {
    for (const id of ['ec2', 'ebs', 'vpc', 'lambda', 'ecs', 'eks', 'fargate', 'elastic-beanstalk', 'rds', 'aurora', 'dynamodb', 's3', 'sqs', 'sns', 'cloudfront', 'api-gateway', 'cognito', 'kms', 'iam', 'cloudtrail', 'workspaces', 'workmail']) {
      expect(awsService(id), id).toBeDefined();
    }
  });

  it('gives every entry a model consistent with its variant and a cited placement', () => {
    for (const entry of AWS_CATALOG) {
      if (entry.variant) expect(SERVICE_VARIANTS.find((v) => v.id === entry.variant)?.model, entry.id).toBe(entry.model);
      expectResolvable(entry.citations, entry.id);
      expect(entry.placementNote.length, entry.id).toBeGreaterThan(20);
      if (entry.placement === 'inference') expect(entry.placementNote, entry.id).toMatch(/^demarc's inference: /);
    }
  });

  it('overrides only where the party differs from the baseline, always cited', () => {
    let overrides = 0;
    for (const entry of AWS_CATALOG) {
      for (const [domain, override] of Object.entries(entry.overrides ?? {})) {
        overrides++;
        const label = `${entry.id}/${domain}`;
        expect(DOMAIN_IDS, label).toContain(domain);
        expect(override.party, label).not.toBe(BASELINE_MATRIX[domain as keyof typeof BASELINE_MATRIX][entry.model].party);
        if (override.party === 'shared') expect(override.sharedMode, label).toBeDefined();
        expectResolvable(override.citations, label);
        expect(responsibilityOf(domain as keyof typeof BASELINE_MATRIX, entry)).toMatchObject({ party: override.party, overridden: true });
      }
      for (const [domain, duty] of Object.entries(entry.duties ?? {})) {
        expect(DOMAIN_IDS).toContain(domain);
        expectResolvable(duty.citations, `${entry.id} duty ${domain}`);
      }
    }
    expect(overrides).toBeGreaterThanOrEqual(10);
  });

  it('keeps the RDS duties the issue names: AWS runs the engine OS, the customer parameters, exposure, backups and access', () => {
    const rds = awsService('rds')!;
    expect(responsibilityOf('guest-os', rds).party).toBe('provider');
    expect(responsibilityOf('runtime-platform', rds).party).toBe('shared');
    expect(Object.keys(rds.duties ?? {}).sort()).toEqual(['accounts-access', 'backup-recovery', 'network-controls']);
  });

  it('lists each whitepaper example under its category', () => {
    for (const category of AWS_SERVICE_CATEGORIES) {
      for (const id of category.examples) expect(awsService(id)?.vendorCategory, id).toBe(category.id);
    }
  });

  it('classifies every resource type key to its own entry, and no key belongs to two entries', () => {
    const seen = new Map<string, string>();
    for (const entry of AWS_CATALOG) {
      expect(entry.resourceTypes.length, entry.id).toBeGreaterThan(0);
      for (const type of entry.resourceTypes) {
        expect(seen.get(type), `${type} in ${entry.id} and ${seen.get(type)}`).toBeUndefined();
        seen.set(type, entry.id);
        expect(classify(type)?.id, type).toBe(entry.id);
      }
    }
  });

  it('classifies an ARN of every catalog service prefix (property over all entries)', () => {
    for (const entry of AWS_CATALOG) {
      for (const type of entry.resourceTypes) {
        const [service, rest] = type.split(':') as [string, string?];
        const [resourceType, qualifier] = (rest ?? '').split('/');
        const hints = qualifier === 'aurora' ? { engine: 'aurora-mysql' } : qualifier === 'fargate' ? { launchType: 'FARGATE' } : undefined;
        const arn = `arn:aws:${service}:eu-west-1:111111111111:${resourceType ? `${resourceType}/example` : 'example'}`;
        expect(classify(arn, hints)?.id, arn).toBe(entry.id);
      }
    }
  });

  it.each([
    ['arn:aws:ec2:eu-west-1:111111111111:instance/i-0abc', undefined, 'ec2'],
    ['arn:aws:ec2:eu-west-1:111111111111:volume/vol-0abc', undefined, 'ebs'],
    ['arn:aws:ec2:eu-west-1:111111111111:snapshot/snap-0abc', undefined, 'ebs'],
    ['arn:aws:ec2:eu-west-1:111111111111:security-group/sg-0abc', undefined, 'vpc'],
    ['arn:aws:ec2:eu-west-1:111111111111:vpc/vpc-0abc', undefined, 'vpc'],
    ['arn:aws:ec2:eu-west-1:111111111111:something-new/x-1', undefined, 'ec2'],
    ['arn:aws:rds:eu-west-1:111111111111:db:orders', undefined, 'rds'],
    ['arn:aws:rds:eu-west-1:111111111111:cluster:orders', undefined, 'rds'],
    ['arn:aws:rds:eu-west-1:111111111111:cluster:orders', { engine: 'aurora-postgresql' }, 'aurora'],
    ['arn:aws:rds:eu-west-1:111111111111:db:orders-1', { engine: 'aurora-postgresql' }, 'rds'],
    ['arn:aws:ecs:eu-west-1:111111111111:task/prod/0abc', { launchType: 'FARGATE' }, 'fargate'],
    ['arn:aws:ecs:eu-west-1:111111111111:task/prod/0abc', { launchType: 'EC2' }, 'ecs'],
    ['arn:aws:s3:::my-bucket', undefined, 's3'],
    ['arn:aws:s3:::my-bucket/some/key:with:colons', undefined, 's3'],
    ['arn:aws:iam::111111111111:role/aws-service-role/ec2.amazonaws.com/AWSServiceRoleForEC2', undefined, 'iam'],
    ['arn:aws:iam::aws:policy/ReadOnlyAccess', undefined, 'iam'],
    ['arn:aws:sts::111111111111:assumed-role/Audit/demarc', undefined, 'iam'],
    ['arn:aws:lambda:eu-west-1:111111111111:function:resize', undefined, 'lambda'],
    ['arn:aws:sqs:eu-west-1:111111111111:jobs', undefined, 'sqs'],
    ['arn:aws:execute-api:eu-west-1:111111111111:a1b2c3/prod/GET/items', undefined, 'api-gateway'],
    ['arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail', undefined, 'cloudtrail'],
    ['arn:aws:organizations::111111111111:account/o-example/222222222222', undefined, 'organizations'],
    ['arn:aws-cn:kms:cn-north-1:111111111111:key/1234', undefined, 'kms'],
  ] as const)('classifies %s', (arn, hints, expected) => {
    expect(classify(arn, hints)?.id).toBe(expected);
  });

  it('returns undefined for unknown services and non-ARNs', () => {
    expect(classify('arn:aws:madeup:eu-west-1:111111111111:thing/1')).toBeUndefined();
    expect(classify('not an arn at all')).toBeUndefined();
    expect(classify('')).toBeUndefined();
    expect(parseArn('arn:aws')).toBeUndefined();
  });
});
