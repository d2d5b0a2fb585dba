import { lazy, Suspense } from 'react';
import { PageLoader } from '../layout/feedback';

// The chart library is large and only clinicians opening a trajectory need it: load it on demand.
const TrajectoryPage = lazy(() => import('./TrajectoryPage').then((m) => ({ default: m.TrajectoryPage })));

/** /records/:enrolmentId/measures, loaded when first opened. */
export function LazyTrajectoryPage() {
  return (
    <Suspense fallback={<PageLoader label="Loading the measures…" />}>
      <TrajectoryPage />
    </Suspense>
  );
}
