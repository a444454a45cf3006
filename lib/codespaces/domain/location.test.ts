import { describe, expect, it } from 'vitest';
import { locationName } from './location';

describe('where a codespace runs, in words', () => {
  it('names each of GitHub’s documented locations as GitHub’s areas are called', () => {
    expect(['EastUs', 'WestUs2', 'WestEurope', 'SouthEastAsia'].map(locationName)).toEqual([
      'US East',
      'US West',
      'Europe West',
      'Southeast Asia',
    ]);
    expect(locationName('UsWest')).toBe('US West');
  });

  it('spells out a location GitHub adds later, and says when there is none', () => {
    expect(locationName('CentralIndia')).toBe('Central India');
    expect(locationName('EastUs3')).toBe('East US 3');
    expect(locationName(undefined)).toBe('—');
    // Names inherited from Object.prototype are not places.
    expect(locationName('constructor')).toBe('constructor');
  });
});
