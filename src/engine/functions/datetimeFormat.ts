/** `format_datetime(dt, format)` with Kusto's .NET-like specifiers (yyyy MM dd HH hh mm ss fffffff tt ...). */
import { dateAndSubMs } from '../types/datetime';

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Formats ticks with a Kusto datetime format string; unknown letters are copied as they are. */
export function formatDatetimeWith(ticks: number, format: string): string {
  const { date: d, subMs } = dateAndSubMs(ticks);
  const fraction7 = pad(d.getUTCMilliseconds() * 10_000 + Math.round(subMs), 7);
  let out = '';
  let i = 0;
  while (i < format.length) {
    const ch = format[i];
    let run = 1;
    while (i + run < format.length && format[i + run] === ch) run++;
    const hour12 = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12;
    switch (ch) {
      case 'y':
        out += run <= 2 ? pad(d.getUTCFullYear() % 100, run) : pad(d.getUTCFullYear(), run);
        break;
      case 'M':
        out += pad(d.getUTCMonth() + 1, Math.min(run, 2));
        break;
      case 'd':
        out += pad(d.getUTCDate(), Math.min(run, 2));
        break;
      case 'H':
        out += pad(d.getUTCHours(), Math.min(run, 2));
        break;
      case 'h':
        out += pad(hour12, Math.min(run, 2));
        break;
      case 'm':
        out += pad(d.getUTCMinutes(), Math.min(run, 2));
        break;
      case 's':
        out += pad(d.getUTCSeconds(), Math.min(run, 2));
        break;
      case 'f':
        out += fraction7.slice(0, Math.min(run, 7));
        break;
      case 'F':
        out += fraction7.slice(0, Math.min(run, 7)).replace(/0+$/, '');
        break;
      case 't':
        out += (d.getUTCHours() < 12 ? 'AM' : 'PM').slice(0, Math.min(run, 2));
        break;
      default:
        out += ch.repeat(run);
    }
    i += run;
  }
  return out;
}
