/**
 * A date for people: "9 Jul 2022". A date written with its own offset or none ("2022-07-09",
 * "2022-07-09T23:30:00-05:00") is the day as the article wrote it; a UTC time ("…Z", as Backstory
 * records when a pack was added) is the reader's own day. Pure.
 */
const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const WRITTEN_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|T[^Z]*$)/;

export function formatDay(iso: string, timeZone?: string): string {
  const written = WRITTEN_DAY.exec(iso);
  if (written) {
    const [, y, m, d] = written;
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  }
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(time);
}
