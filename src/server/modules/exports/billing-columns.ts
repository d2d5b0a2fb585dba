import { BILLING_COLUMNS, BILLING_COLUMN_KEYS, type BillingColumnKey, type BillingColumns } from '../../../shared/schemas/billing.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { getSetting, putSetting } from '../alerts/settings.js';

const AVAILABLE = BILLING_COLUMNS.map((c) => ({ key: c.key, header: c.header, claim: c.claim }));

/** The service's chosen billing columns in order, or null for the default. */
export async function chosenBillingColumns(db: DbOrTx): Promise<BillingColumnKey[] | null> {
  const stored = await getSetting(db, 'billing.columns');
  if (!stored) return null;
  const parsed: unknown = JSON.parse(stored);
  // Only what updateBillingColumns wrote is stored; a key dropped from a later version is skipped.
  return Array.isArray(parsed) ? parsed.filter((k): k is BillingColumnKey => typeof k === 'string' && BILLING_COLUMN_KEYS.includes(k)) : null;
}

/** GET /api/admin/billing-columns: the choice and every column there is. */
export async function readBillingColumns(ctx: UseCaseContext): Promise<BillingColumns> {
  return { columns: await chosenBillingColumns(ctx.db), available: AVAILABLE };
}

/**
 * Sets which columns the billing export has, in order (null returns to the default). An unknown
 * column is refused with 422 unknown_billing_column, a repeated one or none at all with 422
 * invalid_billing_columns; nothing is changed then.
 */
export async function updateBillingColumns(ctx: UseCaseContext, columns: string[] | null): Promise<BillingColumns> {
  if (columns) {
    const unknown = columns.filter((k) => !BILLING_COLUMN_KEYS.includes(k));
    if (unknown.length > 0) {
      throw new AppError(
        'unknown_billing_column',
        `There is no billing column called ${unknown.map((k) => `“${k}”`).join(', ')}. Nothing was changed.`,
        unknown.map((k) => ({ path: `body.columns.${columns.indexOf(k)}`, message: 'Unknown column.' })),
      );
    }
    if (columns.length === 0)
      throw new AppError('invalid_billing_columns', 'Choose at least one column. Nothing was changed.', [{ path: 'body.columns', message: 'Choose at least one.' }]);
    const repeated = columns.find((k, i) => columns.indexOf(k) !== i);
    if (repeated)
      throw new AppError('invalid_billing_columns', `The column “${repeated}” is listed twice. Nothing was changed.`, [{ path: 'body.columns', message: 'Listed twice.' }]);
  }
  await putSetting(ctx.db, 'billing.columns', columns ? JSON.stringify(columns) : '', ctx.principal.userId, ctx.now);
  await ctx.audit({ action: 'billing.columns.update', resourceType: 'settings', detail: { columns: columns ? columns.join(',') : 'default' } });
  return { columns: columns as BillingColumnKey[] | null, available: AVAILABLE };
}
