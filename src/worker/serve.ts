/**
 * Connects a `DataService` to a message endpoint: the worker's global scope in the browser,
 * or one side of a `MessageChannel` in tests. DOM-free.
 */
import type { DataServiceDeps } from './dataService';
import { DataService } from './dataService';
import type { WorkerRequest, WorkerResponse } from './protocol';

/** The part of a worker scope / message port the service needs. */
export interface ServiceEndpoint {
  postMessage(message: WorkerResponse, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  /** Message ports queue messages until started; worker scopes have no `start`. */
  start?(): void;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Answers every request arriving at `endpoint` with a `DataService` built from `deps`.
 * A response that cannot be posted (e.g. not cloneable) becomes a `failed` response.
 */
export function serveDataService(endpoint: ServiceEndpoint, deps: DataServiceDeps): DataService {
  const post = (response: WorkerResponse, transfer: ArrayBuffer[]): void => {
    try {
      endpoint.postMessage(response, transfer);
    } catch (e) {
      if ('id' in response) endpoint.postMessage({ type: 'failed', id: response.id, message: `could not send the ${response.type} response: ${messageOf(e)}` }, []);
      else throw e;
    }
  };
  const service = new DataService(deps, post);
  endpoint.addEventListener('message', (event) => {
    // handle() never rejects; the catch only guards against a bug there.
    service.handle(event.data as WorkerRequest).catch((e: unknown) => console.error('data worker request failed', e));
  });
  endpoint.start?.();
  return service;
}
