/**
 * Routes an AWS request to its service: by `X-Amz-Target` (JSON 1.1), by path (S3 Control REST-XML)
 * or by the SigV4 service name and the `Action` form field (query, EC2 query). One listener serves
 * every AWS service, as the SigV4 credential scope names the service.
 *
 * @module
 */
import type { Dispatch, WireRequest } from '../http.ts';
import { cloudTrail, CLOUDTRAIL_TARGET } from './cloudtrail.ts';
import { type AwsContext, type AwsIndex, isAwsRead } from './context.ts';
import { ec2 } from './ec2.ts';
import { iam, IAM_XMLNS } from './iam.ts';
import { organizations, ORGANIZATIONS_TARGET } from './organizations.ts';
import {
  accountIdFromAccessKeyId,
  ec2Errors,
  json11Error,
  json11Errors,
  queryErrors,
  readSigV4,
  restXmlErrors,
} from './protocols.ts';
import { s3Control } from './s3-control.ts';
import { sts, STS_XMLNS } from './sts.ts';

/** Builds the AWS router over an indexed estate. @internal */
export const awsRouter =
  (index: AwsIndex, maxPageSize: number | undefined) =>
  (req: WireRequest): Dispatch => {
    const sig = readSigV4(req);
    const caller = accountIdFromAccessKeyId(sig.accessKeyId);
    const accountId = caller && index.accounts.has(caller) ? caller : index.managementAccountId;
    const ctx: AwsContext = { req, index, accountId, region: sig.region, maxPageSize };
    const target = String(req.headers['x-amz-target'] ?? '');

    if (target) {
      const dot = target.lastIndexOf('.');
      const prefix = target.slice(0, dot);
      const op = target.slice(dot + 1);
      if (prefix === ORGANIZATIONS_TARGET) {
        return {
          operation: `organizations:${op}`,
          scope: accountId,
          write: !isAwsRead(op),
          errors: json11Errors(req, { throttle: 'TooManyRequestsException', accessDenied: 'AccessDeniedException', serverError: 'ServiceException' }),
          serve: () => organizations(ctx, op),
        };
      }
      // CloudTrail's documented target prefix is the long one; current SDKs send the short one.
      if (prefix === CLOUDTRAIL_TARGET || prefix === 'CloudTrail_20131101') {
        return {
          operation: `cloudtrail:${op}`,
          scope: accountId,
          write: !isAwsRead(op),
          errors: json11Errors(req, { throttle: 'ThrottlingException', accessDenied: 'AccessDeniedException', serverError: 'InternalFailure' }),
          serve: () => cloudTrail(ctx, op),
        };
      }
      const errors = json11Errors(req, { throttle: 'ThrottlingException', accessDenied: 'AccessDeniedException', serverError: 'InternalFailure' });
      return { operation: `unknown:${op}`, errors, serve: () => json11Error(req, 'UnknownOperationException', `Unknown target ${target}`) };
    }

    if (req.url.pathname.startsWith('/v20180820/')) {
      // S3 Control: the operation is in the method and path; only GetPublicAccessBlock is a read we serve.
      const isPab = req.url.pathname === '/v20180820/configuration/publicAccessBlock';
      const op = isPab ? `${req.method === 'GET' ? 'Get' : req.method === 'PUT' ? 'Put' : 'Delete'}PublicAccessBlock` : `${req.method} ${req.url.pathname}`;
      const scope = String(req.headers['x-amz-account-id'] ?? accountId);
      return {
        operation: `s3-control:${op}`,
        scope,
        write: req.method !== 'GET' && req.method !== 'HEAD',
        errors: restXmlErrors(req),
        serve: () => s3Control(ctx, req.url.pathname),
      };
    }

    // Query and EC2 query protocols: a form body carries Action and Version.
    const params = new URLSearchParams(req.method === 'POST' ? req.body : req.url.search);
    const action = params.get('Action') ?? '';
    const service = sig.service ?? (params.get('Version') === '2016-11-15' ? 'ec2' : params.get('Version') === '2011-06-15' ? 'sts' : 'iam');
    const write = !isAwsRead(action);
    switch (service) {
      case 'sts': {
        // AssumeRole faults are scoped to the target account, so a test can deny one account.
        const target = /^arn:aws:iam::(\d{12}):/.exec(params.get('RoleArn') ?? '')?.[1] ?? accountId;
        return { operation: `sts:${action}`, scope: target, write, errors: queryErrors(req, STS_XMLNS), serve: () => sts(ctx, action, params) };
      }
      case 'iam':
        return { operation: `iam:${action}`, scope: accountId, write, errors: queryErrors(req, IAM_XMLNS), serve: () => iam(ctx, action, params) };
      case 'ec2':
        return { operation: `ec2:${action}`, scope: accountId, write, errors: ec2Errors(req), serve: () => ec2(ctx, action, params) };
      default: {
        const errors = queryErrors(req, IAM_XMLNS);
        return { operation: `${service}:${action}`, scope: accountId, errors, serve: () => errors.serverError(501) };
      }
    }
  };
