import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openingState } from '../../src/components/hotline/opening-hours.js';
import type { Hours } from '../../src/sdk/index.js';

const weekdays = (timeZone: string): Hours => ({
  type: 'weekly',
  timeZone,
  periods: [{ days: [1, 2, 3, 4, 5], open: '08:00', close: '17:00' }],
});

describe("opening hours, computed in the line's own time zone", () => {
  it('is open at 10:30 on a Wednesday in Phnom Penh, closing at 17:00 there', () => {
    const state = openingState(weekdays('Asia/Phnom_Penh'), new Date('2026-03-04T03:30:00Z'));
    assert.deepEqual(state, { kind: 'open', closesAt: new Date('2026-03-04T10:00:00Z') });
  });

  it('is closed on a Saturday and opens on Monday 08:00 local time', () => {
    const state = openingState(weekdays('Asia/Jakarta'), new Date('2026-03-07T05:00:00Z'));
    assert.deepEqual(state, { kind: 'closed', opensAt: new Date('2026-03-09T01:00:00Z') });
  });

  it('is closed at 17:00 exactly, and opens the next morning', () => {
    const state = openingState(weekdays('Asia/Jakarta'), new Date('2026-03-04T10:00:00Z'));
    assert.deepEqual(state, { kind: 'closed', opensAt: new Date('2026-03-05T01:00:00Z') });
  });

  it("gives the same moment wherever the reader is: the line's zone decides", () => {
    // 07:59 in Jakarta is 09:59 in Tokyo and 00:59 UTC: closed, opening one minute later.
    const state = openingState(weekdays('Asia/Jakarta'), new Date('2026-03-04T00:59:00Z'));
    assert.deepEqual(state, { kind: 'closed', opensAt: new Date('2026-03-04T01:00:00Z') });
  });

  it("stays right across a daylight-saving change in the line's zone", () => {
    // Saturday 2026-03-28 in Berlin; clocks go forward on Sunday 29 March. Monday 08:00 CEST = 06:00 UTC.
    const state = openingState(weekdays('Europe/Berlin'), new Date('2026-03-28T12:00:00Z'));
    assert.deepEqual(state, { kind: 'closed', opensAt: new Date('2026-03-30T06:00:00Z') });
  });

  it('handles a line open until midnight', () => {
    const hours: Hours = { type: 'weekly', timeZone: 'UTC', periods: [{ days: [7], open: '20:00', close: '24:00' }] };
    assert.deepEqual(openingState(hours, new Date('2026-03-08T23:30:00Z')), { kind: 'open', closesAt: new Date('2026-03-09T00:00:00Z') });
  });

  it('claims nothing for unknown hours and is always open for 24/7 lines', () => {
    assert.deepEqual(openingState({ type: 'unknown' }, new Date()), { kind: 'unknown' });
    assert.deepEqual(openingState({ type: 'always' }, new Date()), { kind: 'always' });
  });
});
