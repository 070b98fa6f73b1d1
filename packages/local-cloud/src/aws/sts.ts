/**
 * AWS STS over the query protocol: `AssumeRole` and `GetCallerIdentity`.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 *
 * `AssumeRole` hands out credentials whose access key id encodes the target account
 * ({@link accessKeyIdFor}), so every later call made with them is routed to that account.
 *
 * @module
 */
import type { Reply } from '../http.ts';
import { tx } from '../http.ts';
import { type AwsContext, stableId } from './context.ts';
import { accessKeyIdFor, queryError, queryResponse } from './protocols.ts';

/** The XML namespace of STS answers. */
export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** The fake secret handed out with every credential: never a real secret. */
export const FAKE_SECRET_ACCESS_KEY = 'local-cloud-fake-secret-access-key';

/** Serves one STS operation. @internal */
export const sts = (ctx: AwsContext, action: string, params: URLSearchParams): Reply => {
  const { req, index } = ctx;
  switch (action) {
    case 'GetCallerIdentity':
      return queryResponse(
        req,
        STS_XMLNS,
        action,
        tx('Arn', `arn:aws:iam::${ctx.accountId}:user/local-cloud`) + tx('UserId', stableId('AIDA', ctx.accountId)) + tx('Account', ctx.accountId),
      );
    case 'AssumeRole': {
      const roleArn = params.get('RoleArn') ?? '';
      const session = params.get('RoleSessionName') ?? 'session';
      const m = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
      const target = m ? index.accounts.get(m[1] ?? '') : undefined;
      if (!m || !target || target.roleAssumable === false || target.status !== 'ACTIVE') {
        return queryError(
          req,
          STS_XMLNS,
          'AccessDenied',
          `User: arn:aws:iam::${ctx.accountId}:user/local-cloud is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
          403,
        );
      }
      const duration = Number(params.get('DurationSeconds') ?? 3600);
      const expiration = new Date(Date.now() + duration * 1000).toISOString();
      const roleId = stableId('AROA', roleArn);
      return queryResponse(
        req,
        STS_XMLNS,
        action,
        '<Credentials>' +
          tx('AccessKeyId', accessKeyIdFor(target.id)) +
          tx('SecretAccessKey', FAKE_SECRET_ACCESS_KEY) +
          tx('SessionToken', 'local-cloud-fake-session-token') +
          tx('Expiration', expiration) +
          '</Credentials><AssumedRoleUser>' +
          tx('AssumedRoleId', `${roleId}:${session}`) +
          tx('Arn', `arn:aws:sts::${target.id}:assumed-role/${m[2] ?? ''}/${session}`) +
          '</AssumedRoleUser>',
      );
    }
    default:
      return queryError(req, STS_XMLNS, 'InvalidAction', `The local cloud does not implement STS ${action}`, 400);
  }
};
