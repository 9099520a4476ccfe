/**
 * Closing dates are wall-clock times in the Netherlands, whatever time zone the browser is in:
 * "17:00" means 17:00 in Amsterdam, winter or summer time.
 */
const ZONE = 'Europe/Amsterdam';

/** "1 maart 2027, 17:00" in nl-NL, "1 March 2027, 17:00" in en-GB, Amsterdam time. */
export function formatClosingMoment(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: ZONE,
  }).format(date);
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: ZONE,
  }).format(date);
  return `${day}, ${time}`;
}

/** The value for `<input type="datetime-local">` (`2027-03-01T17:00`) of an instant, in Amsterdam. */
export function toAmsterdamInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: ZONE,
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * An Amsterdam wall-clock time from `<input type="datetime-local">` as ISO 8601 with its offset
 * (`2027-03-01T17:00:00+01:00`), or null when the value is not a date and time.
 */
export function fromAmsterdamInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '00'] = match;
  const asUtc = Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute!, +second);
  if (Number.isNaN(asUtc)) return null;
  // The offset at the wall time read as UTC is right except within an hour of a DST switch;
  // a second pass with the corrected instant settles it.
  let offset = offsetMinutes(asUtc);
  offset = offsetMinutes(asUtc - offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${sign}${hh}:${mm}`;
}

/** Amsterdam's offset from UTC at `instant`, in minutes (60 in winter, 120 in summer). */
function offsetMinutes(instant: number): number {
  const name =
    new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'longOffset' })
      .formatToParts(new Date(instant))
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}
