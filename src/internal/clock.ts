/** The current time and the reader's time zone, in one place so they can be fixed in tests. */
export const clock = {
  now: (): Date => new Date(),
  timeZone: (): string => Intl.DateTimeFormat().resolvedOptions().timeZone,
};
