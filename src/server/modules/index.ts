import type { RouteDef } from '../http/route.js';
import { alertRoutes } from './alerts/routes.js';
import { auditRoutes } from './audit/routes.js';
import { dataRightsRoutes } from './data-rights/routes.js';
import { deliveryRoutes } from './delivery/routes.js';
import { digestRoutes } from './digest/routes.js';
import { rotaRoutes } from './duty/routes.js';
import { mailRoutes } from './mail/routes.js';
import { authRoutes } from './auth/routes.js';
import { calendarRoutes } from './calendar/routes.js';
import { exportRoutes } from './exports/routes.js';
import { feedbackRoutes } from './feedback/routes.js';
import { fhirRoutes } from './fhir/routes.js';
import { goalRoutes } from './goals/routes.js';
import { groupRoutes } from './groups/routes.js';
import { healthRoutes } from './health/routes.js';
import { connectionRoutes } from './connection/routes.js';
import { isolationRoutes } from './isolation/routes.js';
import { journalRoutes } from './journal/routes.js';
import { moderationRoutes } from './moderation/routes.js';
import { safetyPlanRoutes } from './safety-plans/routes.js';
import { contactRoutes } from './contacts/routes.js';
import { measureRoutes, measureScheduleRoutes, outcomeRoutes } from './measures/routes.js';
import { memberActivityRoutes } from './member-activity/routes.js';
import { noteRoutes } from './notes/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { offerLinkRoutes } from './pathway/offer-link-routes.js';
import { pathwayRoutes } from './pathway/routes.js';
import { reminderRoutes } from './reminders/routes.js';
import { programmeRoutes } from './programmes/routes.js';
import { sessionRoutes } from './schedule/routes.js';
import { skillRoutes } from './skills/routes.js';
import { spaceRoutes } from './space/routes.js';
import { staffProfileRoutes } from './staff-profiles/routes.js';
import { strategyRoutes } from './strategies/routes.js';
import { thisWeekRoutes } from './this-week/routes.js';
import { userRoutes } from './users/routes.js';

/** Every API route of every module. The access-matrix test walks what this registers. */
export const allRoutes: readonly RouteDef[] = [
  ...healthRoutes,
  ...authRoutes,
  ...userRoutes,
  ...staffProfileRoutes,
  ...auditRoutes,
  ...programmeRoutes,
  ...groupRoutes,
  ...pathwayRoutes,
  ...offerLinkRoutes,
  ...reminderRoutes,
  ...sessionRoutes,
  ...noteRoutes,
  ...measureRoutes,
  ...fhirRoutes,
  ...measureScheduleRoutes,
  ...outcomeRoutes,
  ...alertRoutes,
  ...deliveryRoutes,
  ...rotaRoutes,
  ...moderationRoutes,
  ...safetyPlanRoutes,
  ...contactRoutes,
  ...calendarRoutes,
  ...exportRoutes,
  ...notificationRoutes,
  ...digestRoutes,
  ...mailRoutes,
  ...spaceRoutes,
  ...goalRoutes,
  ...skillRoutes,
  ...journalRoutes,
  ...isolationRoutes,
  ...connectionRoutes,
  ...strategyRoutes,
  ...feedbackRoutes,
  ...thisWeekRoutes,
  ...memberActivityRoutes,
  ...dataRightsRoutes,
] as readonly RouteDef[];
