/**
 * The desk's words for what the API answers in codes: statuses, contact fields, audit actions and
 * their details, countries, languages and dates, in the caseworker's language.
 */
import { msg, str } from '@lit/localize';
import type { DeskAuditEntry } from '../src/sdk/desk-schema.js';

export class DeskWords {
  constructor(
    readonly language: string,
    private readonly categories: Record<string, Record<string, string>>,
  ) {}

  statusName(status: string): string {
    const names: Record<string, string> = {
      received: msg('Received', { id: 'desk-received' }),
      verified: msg('Verified', { id: 'desk-verified' }),
      'in-handling': msg('In handling', { id: 'desk-in-handling' }),
      resolved: msg('Resolved', { id: 'desk-resolved' }),
      closed: msg('Closed', { id: 'desk-closed' }),
      withdrawn: msg('Withdrawn by the reporter', { id: 'desk-withdrawn' }),
    };
    return names[status] ?? status;
  }

  contactField(key: string): string {
    const names: Record<string, string> = {
      name: msg('Name', { id: 'desk-name' }),
      method: msg('How', { id: 'desk-method' }),
      value: msg('Number or address', { id: 'desk-value' }),
    };
    return names[key] ?? key;
  }

  method(method: string): string {
    return method === 'phone'
      ? msg('Phone call', { id: 'desk-phone' })
      : method === 'email'
        ? msg('Email', { id: 'desk-email' })
        : method === 'whatsapp'
          ? 'WhatsApp'
          : method;
  }

  country(code: string): string {
    return new Intl.DisplayNames([this.language], { type: 'region' }).of(code) ?? code;
  }

  category(id: string): string {
    const label = this.categories[id];
    return label?.[this.language] ?? label?.en ?? id;
  }

  languageName(code: string): string {
    return new Intl.DisplayNames([this.language], { type: 'language' }).of(code) ?? code;
  }

  /** A calendar date ('YYYY-MM-DD') in the reader's language. */
  day(isoDate: string): string {
    return new Intl.DateTimeFormat(this.language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
  }

  actionName(action: string, detail?: unknown): string {
    if (action === 'sign-in') {
      const outcome = (detail as { outcome?: string } | null)?.outcome;
      return outcome === 'success'
        ? msg('Signed in', { id: 'desk-action-sign-in' })
        : outcome === 'locked'
          ? msg('Locked out after too many failed sign-ins', { id: 'desk-action-sign-in-locked' })
          : msg('Sign-in failed', { id: 'desk-action-sign-in-failed' });
    }
    const names: Record<string, string> = {
      read: msg('Read the report', { id: 'desk-action-read' }),
      reveal: msg('Revealed the contact details', { id: 'desk-action-reveal' }),
      status: msg('Changed the status', { id: 'desk-action-status' }),
      export: msg('Exported the reports', { id: 'desk-action-export' }),
      withdraw: msg('Withdrew the report', { id: 'desk-action-withdraw' }),
      purge: msg('Deleted personal data after the retention period', { id: 'desk-action-purge' }),
      'operator-add': msg('Created an operator', { id: 'desk-action-operator-add' }),
      'operator-revoke': msg('Revoked an operator', { id: 'desk-action-operator-revoke' }),
      'rotate-key': msg('Re-encrypted the data with a new key', { id: 'desk-action-rotate-key' }),
      'audit-read': msg('Read the audit log', { id: 'desk-action-audit-read' }),
    };
    return names[action] ?? action;
  }

  /** Who did it: an operator by name; otherwise the reporter, the server or the command line, by what was done. */
  actor(e: DeskAuditEntry): string {
    if (e.operatorId) return e.operatorName ?? e.operatorId;
    if (e.action === 'sign-in') return msg('Unknown (no valid token)', { id: 'desk-actor-unknown' });
    if (e.action === 'withdraw') return msg('The reporter', { id: 'desk-actor-reporter' });
    if (e.action === 'purge') return msg('The server (retention)', { id: 'desk-actor-server' });
    return msg('Command line (desk command)', { id: 'desk-actor-cli' });
  }

  /** The details as a sentence, never as JSON. */
  detailText(e: DeskAuditEntry): string {
    const d = (e.detail ?? {}) as Record<string, unknown>;
    switch (e.action) {
      case 'status':
        return msg(str`Status ${this.statusName(String(d.from))} → ${this.statusName(String(d.to))}`, { id: 'desk-detail-status' });
      case 'reveal':
        return Array.isArray(d.fields) && d.fields.length
          ? msg(str`Fields shown: ${new Intl.ListFormat(this.language, { type: 'unit' }).format(d.fields.map((f) => this.contactField(String(f))))}`, {
              id: 'desk-detail-reveal',
            })
          : msg('Nothing left to show', { id: 'desk-detail-reveal-none' });
      case 'export':
        return d.contact
          ? msg(str`${String(d.reports)} reports, with contact details`, { id: 'desk-detail-export-contact' })
          : msg(str`${String(d.reports)} reports, without contact details`, { id: 'desk-detail-export' });
      case 'purge':
        return msg(str`Kept ${String(d.retentionDays)} days`, { id: 'desk-detail-purge' });
      case 'operator-add':
        return msg(str`Operator ${String(d.id)}, role ${String(d.role)}`, { id: 'desk-detail-operator-add' });
      case 'operator-revoke':
        return msg(str`Operator ${String(d.id)}`, { id: 'desk-detail-operator-revoke' });
      case 'rotate-key':
        return msg(str`${String(d.values)} values`, { id: 'desk-detail-rotate-key' });
      case 'sign-in':
        return msg(str`From address ${String(d.address)} (kept as a code)`, { id: 'desk-detail-sign-in-address' });
      default:
        return '';
    }
  }

  date(iso: string): string {
    return new Intl.DateTimeFormat(this.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }
}
