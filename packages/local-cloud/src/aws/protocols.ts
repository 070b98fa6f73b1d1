/**
 * The AWS wire protocols the local cloud speaks, and how a request finds its account.
 *
 * - JSON 1.1 (Organizations, CloudTrail): `POST /`, `x-amz-target: <Prefix>.<Operation>`, JSON body;
 *   errors are HTTP 400/500 with `{"__type": "<Code>", "Message": "..."}`.
 *   https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html
 * - Query (STS, IAM): `POST /`, form body `Action=...&Version=...`; XML answers
 *   `<OpResponse><OpResult>...</OpResult><ResponseMetadata/></OpResponse>`, lists as `<member>`;
 *   errors `<ErrorResponse><Error><Type/><Code/><Message/></Error></ErrorResponse>`.
 *   https://smithy.io/2.0/aws/protocols/aws-query-protocol.html
 * - EC2 query: like query, but no `Result` wrapper, lists as `<item>`, lower-camel names, errors
 *   `<Response><Errors><Error>...</Error></Errors><RequestID/></Response>`.
 *   https://smithy.io/2.0/aws/protocols/aws-ec2-query-protocol.html
 * - REST-XML (S3 Control): operation in method and path, XML bodies.
 *   https://smithy.io/2.0/aws/protocols/aws-restxml-protocol.html
 *
 * ## Which account a request is for
 * Signatures are never verified (nothing secret exists here). The SigV4 `Authorization` header
 * gives the access key id, the region and the service (`Credential=AKID/date/region/service/aws4_request`).
 * The account is read from the access key id: the local cloud hands out keys of the form
 * `ASIA` + 12-digit account id + 4 characters (see {@link accessKeyIdFor}), both from
 * `sts:AssumeRole` and from `cloud.aws.clientConfig(accountId)`. Any other key id is treated as the
 * management account's.
 *
 * @module
 */
import type { WireRequest, Reply, ErrorShapes } from '../http.ts';
import { esc } from '../http.ts';

/** What the SigV4 header says about a request. @internal */
export interface SigV4Scope {
  readonly accessKeyId?: string;
  readonly region: string;
  readonly service?: string;
}

/** Reads the credential scope of a SigV4 `Authorization` header. @internal */
export const readSigV4 = (req: WireRequest): SigV4Scope => {
  const auth = String(req.headers.authorization ?? '');
  const m = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(auth);
  if (!m) return { region: 'us-east-1' };
  return { accessKeyId: m[1], region: m[2] ?? 'us-east-1', service: m[3] };
};

/**
 * The access key id the local cloud hands out for an account: `ASIA`, the 12-digit account id,
 * then a 4-character suffix (20 characters, like a real temporary key id). Obviously not real.
 */
export const accessKeyIdFor = (accountId: string, suffix = 'LCLD'): string => `ASIA${accountId}${suffix}`;

/** The account id encoded in an access key id by {@link accessKeyIdFor}, if any. */
export const accountIdFromAccessKeyId = (accessKeyId: string | undefined): string | undefined =>
  accessKeyId ? /^(?:ASIA|AKIA)(\d{12})/.exec(accessKeyId)?.[1] : undefined;

// --- JSON 1.1 ---------------------------------------------------------------------------------

/** A JSON 1.1 answer. @internal */
export const json11 = (req: WireRequest, body: unknown, status = 200): Reply => ({
  status,
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': req.requestId },
  body: JSON.stringify(body),
});

/** A JSON 1.1 error: `__type` carries the code; the SDK maps it to the modeled exception class. @internal */
export const json11Error = (req: WireRequest, code: string, message: string, status = 400, extra: Record<string, unknown> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': req.requestId, 'x-amzn-errortype': code },
  body: JSON.stringify({ __type: code, Message: message, ...extra }),
});

/** Error shapes of a JSON 1.1 service. @internal */
export const json11Errors = (
  req: WireRequest,
  names: { throttle: string; accessDenied: string; serverError: string },
): ErrorShapes => ({
  throttle: (retryAfter) => {
    const r = json11Error(req, names.throttle, 'Rate exceeded', 400);
    return retryAfter > 0 ? { ...r, headers: { ...r.headers, 'retry-after': String(retryAfter) } } : r;
  },
  serverError: (status) => json11Error(req, names.serverError, 'The service encountered an internal error. Try again later.', status),
  accessDenied: (message) => json11Error(req, names.accessDenied, message, 400),
});

// --- Query ------------------------------------------------------------------------------------

/** A query-protocol answer: `<{op}Response><{op}Result>...</{op}Result>...`. @internal */
export const queryResponse = (req: WireRequest, xmlns: string, action: string, result: string): Reply => ({
  status: 200,
  headers: { 'content-type': 'text/xml', 'x-amzn-requestid': req.requestId },
  body:
    `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${xmlns}">` +
    `<${action}Result>${result}</${action}Result>` +
    `<ResponseMetadata><RequestId>${req.requestId}</RequestId></ResponseMetadata></${action}Response>`,
});

/** A query-protocol error. @internal */
export const queryError = (req: WireRequest, xmlns: string, code: string, message: string, status: number, type: 'Sender' | 'Receiver' = 'Sender'): Reply => ({
  status,
  headers: { 'content-type': 'text/xml', 'x-amzn-requestid': req.requestId },
  body:
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${xmlns}"><Error><Type>${type}</Type>` +
    `<Code>${esc(code)}</Code><Message>${esc(message)}</Message></Error>` +
    `<RequestId>${req.requestId}</RequestId></ErrorResponse>`,
});

/** Error shapes of a query-protocol service (IAM, STS). @internal */
export const queryErrors = (req: WireRequest, xmlns: string): ErrorShapes => ({
  throttle: (retryAfter) => {
    const r = queryError(req, xmlns, 'Throttling', 'Rate exceeded', 400);
    return retryAfter > 0 ? { ...r, headers: { ...r.headers, 'retry-after': String(retryAfter) } } : r;
  },
  serverError: (status) => queryError(req, xmlns, 'ServiceFailure', 'The request processing has failed because of an unknown error.', status, 'Receiver'),
  accessDenied: (message) => queryError(req, xmlns, 'AccessDenied', message, 403),
});

// --- EC2 query --------------------------------------------------------------------------------

/** An EC2-query answer. @internal */
export const ec2Response = (req: WireRequest, action: string, content: string): Reply => ({
  status: 200,
  headers: { 'content-type': 'text/xml;charset=UTF-8' },
  body:
    `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">` +
    `<requestId>${req.requestId}</requestId>${content}</${action}Response>`,
});

/** An EC2-query error. @internal */
export const ec2Error = (req: WireRequest, code: string, message: string, status: number): Reply => ({
  status,
  headers: { 'content-type': 'text/xml;charset=UTF-8' },
  body:
    `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${esc(code)}</Code>` +
    `<Message>${esc(message)}</Message></Error></Errors><RequestID>${req.requestId}</RequestID></Response>`,
});

/** Error shapes of EC2: throttling is `RequestLimitExceeded` (HTTP 503), denial `UnauthorizedOperation`. @internal */
export const ec2Errors = (req: WireRequest): ErrorShapes => ({
  throttle: () => ec2Error(req, 'RequestLimitExceeded', 'Request limit exceeded.', 503),
  serverError: (status) => ec2Error(req, status === 503 ? 'Unavailable' : 'InternalError', 'An internal error has occurred', status),
  accessDenied: (message) => ec2Error(req, 'UnauthorizedOperation', `You are not authorized to perform this operation. ${message}`, 403),
});

// --- REST-XML (S3 Control) --------------------------------------------------------------------

/** A REST-XML error as S3 Control sends it. @internal */
export const restXmlError = (req: WireRequest, code: string, message: string, status: number, extra = ''): Reply => ({
  status,
  headers: { 'content-type': 'application/xml', 'x-amz-request-id': req.requestId },
  body:
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${esc(code)}</Code><Message>${esc(message)}</Message>` +
    `${extra}<RequestId>${req.requestId}</RequestId><HostId>local-cloud</HostId></Error>`,
});

/** Error shapes of S3 Control. @internal */
export const restXmlErrors = (req: WireRequest): ErrorShapes => ({
  throttle: () => restXmlError(req, 'SlowDown', 'Please reduce your request rate.', 503),
  serverError: (status) => restXmlError(req, 'InternalError', 'We encountered an internal error. Please try again.', status),
  accessDenied: (message) => restXmlError(req, 'AccessDenied', message, 403),
});

/** Epoch seconds, as JSON 1.1 timestamps travel. @internal */
export const epochSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** A query-protocol list: `<name><member>..</member></name>`. @internal */
export const members = (name: string, items: readonly string[], tag = 'member'): string =>
  `<${name}>${items.map((i) => `<${tag}>${i}</${tag}>`).join('')}</${name}>`;
