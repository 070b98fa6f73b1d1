/**
 * AWS CloudTrail over JSON 1.1
 * (`X-Amz-Target: com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.<Operation>`):
 * `DescribeTrails`, `GetTrailStatus`.
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DescribeTrails.html
 *
 * @module
 */
import type { AwsTrail } from '../estate/types.ts';
import type { Reply } from '../http.ts';
import type { AwsContext } from './context.ts';
import { json11, json11Error } from './protocols.ts';

/** The `X-Amz-Target` prefix of CloudTrail. */
export const CLOUDTRAIL_TARGET = 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101';

const arn = (accountId: string, t: AwsTrail): string => `arn:aws:cloudtrail:${t.homeRegion}:${accountId}:trail/${t.name}`;

/** Serves one CloudTrail read. @internal */
export const cloudTrail = (ctx: AwsContext, operation: string): Reply => {
  const { req } = ctx;
  const trails = ctx.index.accounts.get(ctx.accountId)?.trails ?? [];
  let body: Record<string, unknown>;
  try {
    body = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
  } catch {
    return json11Error(req, 'SerializationException', 'Malformed JSON body');
  }
  const find = (name: unknown): AwsTrail | undefined => trails.find((t) => t.name === name || arn(ctx.accountId, t) === name);
  switch (operation) {
    case 'DescribeTrails': {
      const names = Array.isArray(body.trailNameList) ? (body.trailNameList as unknown[]) : [];
      const shadow = body.includeShadowTrails !== false;
      // A region sees its own trails and, as "shadow trails", multi-region trails homed elsewhere.
      const visible = trails.filter((t) => t.homeRegion === ctx.region || (shadow && t.multiRegion));
      const chosen = names.length ? visible.filter((t) => names.includes(t.name) || names.includes(arn(ctx.accountId, t))) : visible;
      return json11(req, {
        trailList: chosen.map((t) => ({
          Name: t.name,
          S3BucketName: t.s3BucketName,
          IncludeGlobalServiceEvents: t.includeGlobalServiceEvents,
          IsMultiRegionTrail: t.multiRegion,
          HomeRegion: t.homeRegion,
          TrailARN: arn(ctx.accountId, t),
          LogFileValidationEnabled: t.logFileValidation,
          HasCustomEventSelectors: false,
          HasInsightSelectors: false,
          IsOrganizationTrail: t.organizationTrail,
          ...(t.kmsKeyId ? { KmsKeyId: t.kmsKeyId } : {}),
        })),
      });
    }
    case 'GetTrailStatus': {
      const t = find(body.Name);
      if (!t) return json11Error(req, 'TrailNotFoundException', `Unknown trail: ${String(body.Name)} for the user: ${ctx.accountId}`);
      return json11(req, { IsLogging: t.isLogging, ...(t.isLogging ? { StartLoggingTime: Math.floor(Date.parse('2024-01-01T00:00:00Z') / 1000) } : {}) });
    }
    default:
      return json11Error(req, 'UnknownOperationException', `The local cloud does not implement CloudTrail ${operation}`);
  }
};
