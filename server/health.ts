/** The health answer for a load balancer: this instance answers, and its database does (within 2 s). */
import * as v from 'valibot';
import type { ReportStore } from './store/contract.js';

export const HealthSchema = v.object({
  ok: v.boolean(),
  database: v.picklist(['ok', 'unreachable']),
  store: v.picklist(['sqlite', 'postgres']),
});
export type Health = v.InferOutput<typeof HealthSchema>;

/** How long the database has to answer before the instance is reported unhealthy. */
export const HEALTH_TIMEOUT_MS = 2000;

export async function checkHealth(store: ReportStore): Promise<Health> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const database = await Promise.race([
    store.ping().then(
      () => 'ok' as const,
      () => 'unreachable' as const,
    ),
    new Promise<'unreachable'>((resolve) => (timer = setTimeout(resolve, HEALTH_TIMEOUT_MS, 'unreachable'))),
  ]);
  clearTimeout(timer);
  return { ok: database === 'ok', database, store: store.kind };
}
