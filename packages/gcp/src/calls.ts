/**
 * Every Google call a scan makes goes through {@link gcpCall} or {@link gcpPages}, which make it honour
 * the scan's abort signal and convert its failure into demarc's typed errors.
 *
 * Why the detour through `innerApiCalls`: gax returns a cancellable promise for every unary call
 * (`cancel()` aborts the REST `fetch` or the gRPC call, and stops a retry back-off), but the generated
 * Resource Manager methods chain `.then()` on it, so their callers never see `cancel`. gax has no
 * `signal` call option either. Each client's `innerApiCalls` (public in the generated typings) is
 * wrapped once: a call started while a signal is current gets `cancel()` on that signal's abort. The
 * generated methods call `innerApiCalls` synchronously, so the current signal is always the caller's.
 * Paged methods are called page by page (`autoPaginate: false`), each page one such call.
 * @module
 */
import { callGcp } from './clients';

/** A promise gax can cancel. */
interface CancellablePromise {
  readonly cancel?: unknown;
  then(onFulfilled: () => void, onRejected: () => void): unknown;
}

/** The part of a generated Google client this module relies on. */
interface GaxClient {
  initialize?: () => unknown;
  innerApiCalls?: Record<string, (...args: unknown[]) => unknown>;
}

/** The signal of the call being started (set only while `start` runs synchronously). */
let currentSignal: AbortSignal | undefined;
const wrapped = new WeakSet<object>();

const isCancellable = (value: unknown): value is CancellablePromise & { cancel(): void } =>
  typeof value === 'object' && value !== null && typeof (value as CancellablePromise).cancel === 'function'
  && typeof (value as CancellablePromise).then === 'function';

function cancelOnAbort(call: CancellablePromise & { cancel(): void }, signal: AbortSignal): void {
  if (signal.aborted) {
    call.cancel();
    return;
  }
  const onAbort = (): void => call.cancel();
  signal.addEventListener('abort', onAbort, { once: true });
  const done = (): void => signal.removeEventListener('abort', onAbort);
  call.then(done, done);
}

/** Wraps a client's `innerApiCalls` once so calls started under a signal are cancelled by it. */
function wrapClient(client: GaxClient): void {
  if (wrapped.has(client) || typeof client.initialize !== 'function') return;
  wrapped.add(client);
  // initialize() fills innerApiCalls synchronously; its promise is the one every call awaits and
  // reports a failure through, so it is not awaited here.
  Promise.resolve(client.initialize()).catch(() => undefined);
  const calls = client.innerApiCalls;
  if (!calls) return;
  for (const [name, apiCall] of Object.entries(calls)) {
    calls[name] = (...args: unknown[]) => {
      const call = apiCall(...args);
      if (currentSignal && isCancellable(call)) cancelOnAbort(call, currentSignal);
      return call;
    };
  }
}

/**
 * Runs one unary Google call so that aborting `signal` cancels it, and converts its failure.
 * @param operation - The API operation named in errors, e.g. `'resourcemanager:GetProject'`.
 * @param signal - The scan's signal.
 * @param client - The client `start` calls.
 * @param start - Starts the call, e.g. `() => client.getProject({ name }, callOptions)`.
 */
export function gcpCall<T>(
  operation: string,
  signal: AbortSignal,
  client: object,
  start: () => Promise<T>,
): Promise<T> {
  return callGcp(operation, () => {
    signal.throwIfAborted();
    wrapClient(client as GaxClient);
    const previous = currentSignal;
    currentSignal = signal;
    try {
      return start();
    } finally {
      currentSignal = previous;
    }
  });
}

/**
 * Iterates every item of a paged Google call, one cancellable page request at a time.
 * @param fetchPage - Requests one page with `autoPaginate: false`; gax answers
 *   `[items, next request or null, raw response]`.
 */
export async function* gcpPages<Request, Item>(
  operation: string,
  signal: AbortSignal,
  client: object,
  request: Request,
  fetchPage: (request: Request) => Promise<readonly [readonly Item[] | null | undefined, unknown, ...unknown[]]>,
): AsyncGenerator<Item> {
  let next: Request | null = request;
  while (next) {
    const page: Request = next;
    const [items, following] = await gcpCall(operation, signal, client, () => fetchPage(page));
    yield* items ?? [];
    // gax's next request is a copy of this one with the page token set.
    next = (following ?? null) as Request | null;
  }
}
