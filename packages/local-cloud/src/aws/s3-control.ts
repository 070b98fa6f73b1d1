/**
 * Amazon S3 Control over REST-XML: `GetPublicAccessBlock`
 * (`GET /v20180820/configuration/publicAccessBlock`, account in the `x-amz-account-id` header).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_GetPublicAccessBlock.html
 *
 * @module
 */
import type { Reply } from '../http.ts';
import { tx } from '../http.ts';
import type { AwsContext } from './context.ts';
import { restXmlError } from './protocols.ts';

/** Serves one S3 Control read. @internal */
export const s3Control = (ctx: AwsContext, path: string): Reply => {
  const { req } = ctx;
  const accountId = String(req.headers['x-amz-account-id'] ?? '');
  if (path !== '/v20180820/configuration/publicAccessBlock') {
    return restXmlError(req, 'NotImplemented', `The local cloud does not implement S3 Control ${path}`, 501);
  }
  // S3 Control answers for the caller's own account only.
  if (accountId !== ctx.accountId) return restXmlError(req, 'AccessDenied', 'Access Denied', 403);
  const pab = ctx.index.accounts.get(accountId)?.s3PublicAccessBlock;
  if (!pab) {
    return restXmlError(req, 'NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404, `<AccountId>${accountId}</AccountId>`);
  }
  return {
    status: 200,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': req.requestId },
    body:
      '<?xml version="1.0" encoding="UTF-8"?>\n<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/">' +
      tx('BlockPublicAcls', pab.blockPublicAcls) +
      tx('IgnorePublicAcls', pab.ignorePublicAcls) +
      tx('BlockPublicPolicy', pab.blockPublicPolicy) +
      tx('RestrictPublicBuckets', pab.restrictPublicBuckets) +
      '</PublicAccessBlockConfiguration>',
  };
};
