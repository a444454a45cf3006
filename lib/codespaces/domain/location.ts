/**
 * Where a codespace runs, in words people read. GitHub's `location` is an Azure-style name
 * (`WestUs2`); GitHub speaks of the same places by its `geo` areas (EuropeWest, SoutheastAsia,
 * UsEast, UsWest: the create endpoint's `geo`, which "replaces location"), and so does Hangar.
 * The raw value stays data (CSV, filters, a title attribute). Pure.
 */
const AREAS: Record<string, string> = {
  EastUs: 'US East',
  WestUs2: 'US West',
  WestEurope: 'Europe West',
  SouthEastAsia: 'Southeast Asia',
  // The geo values themselves, should GitHub answer with one.
  UsEast: 'US East',
  UsWest: 'US West',
  EuropeWest: 'Europe West',
  SoutheastAsia: 'Southeast Asia',
};

/** "US West" for `WestUs2`; a location GitHub adds later spelled out from its name ("Central India"), never dropped. */
export function locationName(location: string | null | undefined): string {
  if (!location) return '—';
  if (Object.hasOwn(AREAS, location)) return AREAS[location]!;
  return location
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/\bUs\b/g, 'US')
    .trim();
}
