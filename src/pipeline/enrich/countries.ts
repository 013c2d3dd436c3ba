/**
 * The country a known place lies in (ISO 3166-1 alpha-2), for a story's countries. Keys are the
 * English key forms of spellings.ts and the translation gazetteer; a country is its own place.
 * Data, not code: sorted by place, extend freely. Places not listed give no country.
 */
const placeCountry: Readonly<Record<string, string>> = {
  'Abu Dhabi': 'AE',
  Argentina: 'AR',
  Astana: 'KZ',
  Baku: 'AZ',
  Beijing: 'CN',
  Belgium: 'BE',
  Berlin: 'DE',
  Bogotá: 'CO',
  Brazil: 'BR',
  Brussels: 'BE',
  Cairo: 'EG',
  'Cape Town': 'ZA',
  Catalonia: 'ES',
  Chechnya: 'RU',
  China: 'CN',
  Damascus: 'SY',
  England: 'GB',
  France: 'FR',
  Geneva: 'CH',
  Germany: 'DE',
  Greece: 'GR',
  Hanoi: 'VN',
  Havana: 'CU',
  'Ho Chi Minh City': 'VN',
  Indonesia: 'ID',
  Istanbul: 'TR',
  Italy: 'IT',
  Jakarta: 'ID',
  Japan: 'JP',
  Kharkiv: 'UA',
  Kyiv: 'UA',
  Lisbon: 'PT',
  London: 'GB',
  Mecca: 'SA',
  Mexico: 'MX',
  'Mexico City': 'MX',
  Morocco: 'MA',
  Moscow: 'RU',
  Netherlands: 'NL',
  'New Delhi': 'IN',
  'New York': 'US',
  'North Korea': 'KP',
  Paris: 'FR',
  Portugal: 'PT',
  Pyongyang: 'KP',
  Riyadh: 'SA',
  Russia: 'RU',
  'Saint Petersburg': 'RU',
  Scotland: 'GB',
  Seoul: 'KR',
  Siberia: 'RU',
  'South Korea': 'KR',
  Spain: 'ES',
  Strasbourg: 'FR',
  Switzerland: 'CH',
  Taipei: 'TW',
  Tashkent: 'UZ',
  Tehran: 'IR',
  Tokyo: 'JP',
  Turkey: 'TR',
  Ukraine: 'UA',
  Ulaanbaatar: 'MN',
  'United Kingdom': 'GB',
  'United States': 'US',
  Vladivostok: 'RU',
  Wales: 'GB',
  Warsaw: 'PL',
  Washington: 'US',
  Yakutia: 'RU',
  Yakutsk: 'RU',
  Yerevan: 'AM',
};

/** The country code of a known place's key form, or null. */
export function countryOf(placeKey: string): string | null {
  return placeCountry[placeKey] ?? null;
}

/**
 * The countries an article's places name, most mentioned first. Crimea, Donetsk and Gaza are left
 * out on purpose: which country to show is disputed, and the place itself is already an entity.
 */
export function countriesOf(places: { kind: string; name: string; mentions: number }[]): string[] {
  const counts = new Map<string, number>();
  for (const p of places) {
    const code = p.kind === 'place' ? countryOf(p.name) : null;
    if (code) counts.set(code, (counts.get(code) ?? 0) + p.mentions);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}
