import { lazy, Suspense } from 'react';
import { PageLoader } from '../layout/feedback';

// The graph layout library is only needed by facilitators opening the map: load it on demand.
const ConnectionMapPage = lazy(() => import('./ConnectionMapPage').then((m) => ({ default: m.ConnectionMapPage })));

/** /groups/:groupId/connections, loaded when first opened. */
export function LazyConnectionMapPage() {
  return (
    <Suspense fallback={<PageLoader label="Loading the connection map…" />}>
      <ConnectionMapPage />
    </Suspense>
  );
}
