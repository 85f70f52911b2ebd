/**
 * The short messages after an action, in the reader's language when shown (each a function, so a
 * change of language between the action and the next render shows the new one).
 */
import { msg } from '../../../internal/msg.js';
import type { Notice } from '../context.js';

const problem = (text: () => string): Notice => ({ text, error: true });

export const notSaved = problem(() =>
  msg('Your answers could not be saved on this device. Keep this page open until you send the report.', { id: 'rf-not-saved' }),
);
export const refused = problem(() =>
  msg('The organisation could not accept the report. Your answers are kept: try again later, or contact a help line.', { id: 'rf-refused' }),
);
export const notKept = problem(() =>
  msg('The report could not be kept on this device, so it was not sent. Your answers are still here: try again.', { id: 'rf-not-kept' }),
);
export const erased: Notice = { text: () => msg('The report was erased from this device.', { id: 'rf-erased' }) };
export const notWithdrawn = problem(() => msg('The report could not be withdrawn. Check your connection and try again.', { id: 'rf-not-withdrawn' }));
export const offlineNow = problem(() =>
  msg('This phone is offline, so the report cannot be sent now. It stays saved here and is sent by itself when the phone is back online.', {
    id: 'rf-offline-now',
  }),
);
export const copied: Notice = { text: () => msg('The ticket was copied.', { id: 'rf-copied' }) };
export const notCopied = problem(() => msg('The ticket could not be copied. Write it down instead.', { id: 'rf-not-copied' }));
