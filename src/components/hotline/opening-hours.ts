import type { Hours } from '../../sdk/schema.js';
import { dateTimeFormat } from '../../internal/format.js';

/** Whether a line is open at a given moment, told in the line's own time zone. */
export type OpeningState = { kind: 'always' } | { kind: 'unknown' } | { kind: 'open'; closesAt: Date } | { kind: 'closed'; opensAt: Date };

const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Minutes since Monday 00:00 of the wall-clock time at `date` in `timeZone`. */
export function minuteOfWeek(date: Date, timeZone: string): number {
  const format = dateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return (WEEKDAYS[parts['weekday']] - 1) * MINUTES_PER_DAY + Number(parts['hour']) * 60 + Number(parts['minute']);
}

const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * The moment, after `from`, when the wall clock in `timeZone` next shows `targetMinute` of the
 * week. Stepping by the difference and checking again keeps it right across a DST change.
 */
function nextWallClock(from: Date, timeZone: string, targetMinute: number): Date {
  const start = new Date(from.getTime() - (from.getTime() % 60_000));
  const ahead = (targetMinute - minuteOfWeek(start, timeZone) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
  let date = new Date(start.getTime() + ahead * 60_000);
  for (let i = 0; i < 2; i++) {
    // A DST change on the way shifts the wall clock by the change: correct by the (small) difference.
    let off = (targetMinute - minuteOfWeek(date, timeZone) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
    if (off === 0) break;
    if (off > MINUTES_PER_WEEK / 2) off -= MINUTES_PER_WEEK;
    date = new Date(date.getTime() + off * 60_000);
  }
  return date;
}

export function openingState(hours: Hours, now: Date): OpeningState {
  if (hours.type === 'always') return { kind: 'always' };
  if (hours.type === 'unknown') return { kind: 'unknown' };
  const current = minuteOfWeek(now, hours.timeZone);
  const intervals = hours.periods.flatMap((period) =>
    period.days.map((day) => {
      const start = (day - 1) * MINUTES_PER_DAY;
      return { open: start + toMinutes(period.open), close: start + toMinutes(period.close) };
    }),
  );
  const openNow = intervals.find((i) => current >= i.open && current < i.close);
  if (openNow) return { kind: 'open', closesAt: nextWallClock(now, hours.timeZone, openNow.close % MINUTES_PER_WEEK) };
  const untilOpen = (i: { open: number }) => (i.open - current + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
  const next = intervals.reduce((a, b) => (untilOpen(b) < untilOpen(a) ? b : a));
  return { kind: 'closed', opensAt: nextWallClock(now, hours.timeZone, next.open) };
}
