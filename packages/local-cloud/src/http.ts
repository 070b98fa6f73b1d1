/**
 * The request pipeline every vendor server shares: classify the request (operation, scope, write?),
 * count it, apply faults, then serve. Vendors differ only in how they classify and how they render
 * answers and errors.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { FaultEngine, RequestCounters, Vendor } from './faults.ts';

/** A fully read request, as vendor handlers see it. @internal */
export interface WireRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** A fresh id, echoed in the vendor's request-id header or body. */
  readonly requestId: string;
}

/** One HTTP answer. @internal */
export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string;
}

/** How one API renders the faults the engine decides. @internal */
export interface ErrorShapes {
  throttle(retryAfterSeconds: number): Reply;
  serverError(status: number): Reply;
  accessDenied(message: string): Reply;
}

/** What a vendor handler makes of a request. @internal */
export interface Dispatch {
  readonly operation: string;
  readonly scope?: string | undefined;
  /** Writes are refused with `errors.accessDenied` and recorded; they are never served. */
  readonly write?: boolean;
  readonly errors: ErrorShapes;
  readonly serve: () => Reply;
}

/** Shared state of a running cloud. @internal */
export interface PipelineContext {
  readonly faults: FaultEngine;
  readonly counters: RequestCounters;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const send = (res: ServerResponse, reply: Reply): void => {
  if (res.destroyed) return;
  res.writeHead(reply.status, { 'content-length': Buffer.byteLength(reply.body), ...reply.headers });
  res.end(reply.body);
};

/** Builds a node:http request listener for one vendor. @internal */
export const createListener =
  (vendor: Vendor, ctx: PipelineContext, route: (req: WireRequest) => Dispatch) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const body = await readBody(req);
      const wire: WireRequest = {
        method: req.method ?? 'GET',
        // The Host header is whatever the client used; only the path and query matter here. Leading
        // slashes are collapsed: `GET //subscriptions/...` (a resource id pasted after `/`, as
        // arm-resources' getById and arm-monitor send it) would otherwise parse as a host name.
        url: new URL((req.url ?? '/').replace(/^\/+/, '/'), 'http://local-cloud'),
        headers: req.headers,
        body,
        requestId: randomUUID(),
      };
      const d = route(wire);
      if (d.write) {
        ctx.counters.record(vendor, d.operation, 'write');
        ctx.counters.recordWrite({
          vendor,
          operation: d.operation,
          request: `${wire.method} ${wire.url.pathname}`,
          ...(d.scope === undefined ? {} : { scope: d.scope }),
        });
        send(res, d.errors.accessDenied(`demarc local cloud is read-only: ${d.operation} refused`));
        return;
      }
      const decision = ctx.faults.decide(vendor, d.operation, d.scope, `${wire.url.search}\n${body}`);
      // The request's identity, for telling repeats from retries. Headers (signatures, dates, ids)
      // differ on every send, except the AWS region, which only the SigV4 credential scope names.
      const region = /Credential=[^/,\s]+\/\d+\/([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
      const identity = `${d.scope ?? ''}\u0000${region}\u0000${wire.method}\u0000${wire.url.pathname}${wire.url.search}\u0000${body}`;
      ctx.counters.record(vendor, d.operation, decision.kind, identity);
      if (decision.latencyMs > 0) await sleep(decision.latencyMs);
      switch (decision.kind) {
        case 'timeout':
          // Hold the request open: the client's timeout (or `stop()`) ends it, and the counters note when.
          res.once('close', ctx.counters.recordHold(vendor, d.operation, identity));
          return;
        case 'throttle':
          send(res, d.errors.throttle(decision.retryAfterSeconds));
          return;
        case 'serverError':
          send(res, d.errors.serverError(decision.status));
          return;
        case 'accessDenied':
          send(res, d.errors.accessDenied(`Access denied to ${d.scope ?? d.operation} (injected fault)`));
          return;
        case 'serve':
          send(res, d.serve());
          return;
      }
    } catch (error) {
      // A bug in the local cloud itself: answer 500 with the reason so the test output shows it.
      const message = error instanceof Error ? error.message : String(error);
      send(res, { status: 500, headers: { 'content-type': 'text/plain' }, body: `local-cloud internal error: ${message}` });
    }
  };

/** Escapes text for XML. @internal */
export const esc = (s: string): string =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);

/** An XML element; `undefined` content omits the element. @internal */
export const el = (name: string, content: string | number | boolean | undefined): string =>
  content === undefined ? '' : `<${name}>${typeof content === 'string' ? content : String(content)}</${name}>`;

/** An XML element with escaped text. @internal */
export const tx = (name: string, text: string | number | boolean | undefined): string =>
  text === undefined ? '' : el(name, esc(String(text)));

/** Encodes a page offset as an opaque token bound to one operation. @internal */
export const encodeToken = (operation: string, offset: number): string =>
  Buffer.from(JSON.stringify([operation, offset])).toString('base64url');

/** Decodes a token from {@link encodeToken}; `undefined` for an invalid one. @internal */
export const decodeToken = (operation: string, token: string | null | undefined): number | undefined => {
  if (!token) return 0;
  try {
    const v: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v[0] === operation && typeof v[1] === 'number' && Number.isInteger(v[1]) && v[1] >= 0) return v[1];
  } catch {
    // fall through
  }
  return undefined;
};

/** One page of `items` starting at `offset`; `next` is the following offset, if any. @internal */
export const page = <T>(items: readonly T[], offset: number, size: number): { items: T[]; next?: number } => {
  const slice = items.slice(offset, offset + size);
  return offset + size < items.length ? { items: slice, next: offset + size } : { items: slice };
};
