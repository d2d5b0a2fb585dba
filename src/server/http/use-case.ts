import type { RouteContext } from './route.js';

/**
 * What every use case takes: the request's database handle (its transaction for writes), the
 * configuration and clock, the caller, the audit and the after-rollback hook — never the HTTP
 * request or reply. A route handler passes its `RouteContext` as it is; a job, the seed or a
 * test can build one without a request.
 */
export type UseCaseContext = Omit<RouteContext, 'request' | 'reply'>;
