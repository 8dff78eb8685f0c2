/**
 * `datetime_list_timezones()` (datetime-list-timezones.md): the IANA zone names the engine
 * accepts, sorted. They come from the runtime's time-zone database (`Intl.supportedValuesOf`,
 * canonical names, plus `UTC`), the same database `datetime_utc_to_local` uses, so every name
 * listed works there; Kusto's own list (from its tzdb copy) also has link names such as
 * `US/Pacific`, which the runtime accepts but does not list.
 */
import type { ScalarKernel } from './kernel';
import { constantOf } from './vector';

let zones: readonly string[] | null = null;

/** The sorted zone names of the runtime's database. */
export function listTimeZones(): readonly string[] {
  if (zones === null) {
    const canonical = Intl.supportedValuesOf('timeZone');
    zones = [...new Set([...canonical, 'UTC'])].sort();
  }
  return zones;
}

/** The functions of this family by Kusto name. */
export const TIME_ZONE_LIST_FUNCTIONS: Readonly<Record<string, ScalarKernel>> = {
  datetime_list_timezones: (_args, call) => constantOf(call.type, [...listTimeZones()]),
};
