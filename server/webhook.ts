/**
 * Forwarding to a partner's own system: new reports, status changes and withdrawals are queued in
 * the database (in the same transaction as the change) and POSTed to `LINDUNGI_WEBHOOK_URL`,
 * signed, at least once, with backoff. Each delivery carries the id the receiver de-duplicates on.
 * With several instances, each claims due events with a lease (see `claimWebhooks`), so one
 * instance sends each event; another takes it over only if the lease ends undelivered.
 *
 * Signature header: `Lindungi-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { open, seal } from './crypto.js';
import type { ReportStore, WebhookEvent } from './store/contract.js';

export const signature = (secret: string, timestamp: number, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

export function createWebhook(options: {
  store: ReportStore;
  url: string;
  secret: string;
  dataKey: Buffer;
  readKeys?: Buffer[] | undefined;
  includeContact: boolean;
  log: (line: string) => void;
  now?: (() => Date) | undefined;
  pollMs?: number | undefined;
  retryBaseMs?: number | undefined;
  timeoutMs?: number | undefined;
  leaseMs?: number | undefined;
}) {
  const now = options.now ?? (() => new Date());
  const baseMs = options.retryBaseMs ?? 2000;
  let running = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  /**
   * The queue row of an event (the caller inserts it in its own transaction).
   *
   *
   * */
  const event = (event: string, ticket: string, data: Record<string, unknown>): WebhookEvent => {
    const id = randomUUID();
    const at = now().toISOString();
    return { id, event, ticket, bodySealed: seal(options.dataKey, JSON.stringify({ id, event, at, data })), createdAt: at, nextAt: at };
  };

  /** One attempt for every due event; answers how many were delivered. */
  async function deliverDue() {
    if (running) return 0;
    running = true;
    let count = 0;
    try {
      const timeoutMs = options.timeoutMs ?? 10_000;
      // Leased for longer than an attempt can take: no other instance sends these meanwhile.
      const leaseUntil = new Date(now().getTime() + (options.leaseMs ?? 2 * timeoutMs + 5000)).toISOString();
      for (const due of await options.store.claimWebhooks(now().toISOString(), leaseUntil, 20)) {
        const body = due.bodySealed
          ? open(options.readKeys ?? options.dataKey, due.bodySealed)
          : JSON.stringify({ id: due.id, event: due.event, data: { ticket: due.ticket } });
        const timestamp = Math.floor(now().getTime() / 1000);
        let status: number | null = null;
        try {
          const response = await fetch(options.url, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              'Lindungi-Webhook-Id': due.id,
              'Lindungi-Signature': `t=${timestamp},v1=${signature(options.secret, timestamp, body)}`,
            },
            body,
            signal: AbortSignal.timeout(timeoutMs),
            // A redirect is not followed: the signed body (with contact details, when enabled) goes
            // only to the configured URL. A 3xx counts as not delivered.
            redirect: 'manual',
          });
          status = response.status;
          await response.arrayBuffer().catch(() => undefined);
        } catch {
          // Unreachable or too slow: tried again later.
        }
        if (status !== null && status >= 200 && status < 300) {
          await options.store.webhookDelivered(due.id, now().toISOString(), status);
          // Contact details that left the server are on the audit log, like a reveal.
          if (options.includeContact && /"contact":\{/.test(body)) {
            await options.store.audit({
              at: now().toISOString(),
              operatorId: null,
              action: 'webhook-contact',
              ticket: due.ticket,
              detail: JSON.stringify({ delivery: due.id, event: due.event }),
            });
          }
          count++;
        } else {
          const attempts = (due.attempts ?? 0) + 1;
          const delay = Math.min(3_600_000, baseMs * 2 ** Math.min(attempts - 1, 20)) * (0.5 + Math.random() / 2);
          await options.store.webhookFailed(due.id, new Date(now().getTime() + delay).toISOString(), status);
          options.log(`webhook: ${due.event} not delivered (${status ?? 'no answer'}), attempt ${attempts}`);
        }
      }
    } finally {
      running = false;
    }
    return count;
  }

  return {
    includeContact: options.includeContact,
    event,
    deliverDue,
    start() {
      timer = setInterval(
        () => void deliverDue().catch((error) => options.log(`webhook: ${error instanceof Error ? error.message : error}`)),
        options.pollMs ?? 1000,
      );
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
