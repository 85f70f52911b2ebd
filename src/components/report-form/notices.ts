/**
 * What the form tells the reader after an action: each notice a text read when it renders (so it
 * follows the locale), an error or not.
 */
import { msg } from '../../internal/msg.js';
import { LindungiApiError } from '../../sdk/errors.js';
import type { Notice } from './context.js';

export const notSavedNotice = (): Notice => ({
  text: () => msg('Your answers could not be saved on this device. Keep this page open until you send the report.', { id: 'rf-not-saved' }),
  error: true,
});

/** The report was not handed over: refused by the organisation, or not kept on the device. */
export const notHandedOverNotice = (error: unknown): Notice => ({
  text: () =>
    error instanceof LindungiApiError
      ? msg('The organisation could not accept the report. Your answers are kept: try again later, or contact a help line.', { id: 'rf-refused' })
      : msg('The report could not be kept on this device, so it was not sent. Your answers are still here: try again.', { id: 'rf-not-kept' }),
  error: true,
});

export const erasedNotice = (): Notice => ({ text: () => msg('The report was erased from this device.', { id: 'rf-erased' }) });

export const notWithdrawnNotice = (): Notice => ({
  text: () => msg('The report could not be withdrawn. Check your connection and try again.', { id: 'rf-not-withdrawn' }),
  error: true,
});

/** "Try sending now" while offline: said, rather than seem to do nothing. */
export const offlineNotice = (): Notice => ({
  text: () =>
    msg('This phone is offline, so the report cannot be sent now. It stays saved here and is sent by itself when the phone is back online.', {
      id: 'rf-offline-now',
    }),
  error: true,
});

/** Copies the ticket; answers what to say (copied, or write it down). */
export const copyTicket = (ticket: string): Promise<Notice> =>
  navigator.clipboard.writeText(ticket).then(
    () => ({ text: () => msg('The ticket was copied.', { id: 'rf-copied' }) }),
    () => ({ text: () => msg('The ticket could not be copied. Write it down instead.', { id: 'rf-not-copied' }), error: true }),
  );
