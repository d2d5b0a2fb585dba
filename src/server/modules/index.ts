import type { RouteDef } from '../http/route.js';
import { alertRoutes } from './alerts/routes.js';
import { auditRoutes } from './audit/routes.js';
import { authRoutes } from './auth/routes.js';
import { calendarRoutes } from './calendar/routes.js';
import { exportRoutes } from './exports/routes.js';
import { groupRoutes } from './groups/routes.js';
import { healthRoutes } from './health/routes.js';
import { measureRoutes, measureScheduleRoutes, outcomeRoutes } from './measures/routes.js';
import { noteRoutes } from './notes/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { pathwayRoutes } from './pathway/routes.js';
import { programmeRoutes } from './programmes/routes.js';
import { sessionRoutes } from './schedule/routes.js';
import { userRoutes } from './users/routes.js';

/** Every API route of every module. The access-matrix test walks what this registers. */
export const allRoutes: readonly RouteDef[] = [
  ...healthRoutes,
  ...authRoutes,
  ...userRoutes,
  ...auditRoutes,
  ...programmeRoutes,
  ...groupRoutes,
  ...pathwayRoutes,
  ...sessionRoutes,
  ...noteRoutes,
  ...measureRoutes,
  ...measureScheduleRoutes,
  ...outcomeRoutes,
  ...alertRoutes,
  ...calendarRoutes,
  ...exportRoutes,
  ...notificationRoutes,
] as readonly RouteDef[];
