// Regenerates dialogs/data/countries.tsv: every country and territory with an ISO 3166-1 alpha-2 code,
// its EU/EEA/Swiss status and its name in each catalog language, from the Unicode CLDR data that ships
// with Node.js (Intl.DisplayNames). Usage: node scripts/generate-countries.mjs > dialogs/data/countries.tsv
// Extra spellings people use (aliases) are listed below; add to them freely.

const languages = ['de', 'en', 'ar', 'uk', 'ru', 'tr', 'fa', 'fr', 'es', 'pl', 'ro'];

// CLDR region codes that are not countries or territories of their own.
const notCountries = new Set(['AA', 'AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UN', 'ZZ']);

const eu = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ');
const eea = 'IS LI NO'.split(' ');

const aliases = {
  AE: ['UAE', 'Emirates', 'الإمارات'],
  AF: ['Afghanistan', 'افغانستان'],
  BA: ['Bosnia', 'Bosnien'],
  CD: ['Congo Kinshasa', 'DR Congo', 'DRC', 'Kongo'],
  CG: ['Congo Brazzaville'],
  CN: ['PRC'],
  CZ: ['Czech Republic', 'Tschechische Republik'],
  DE: ['Germany', 'Deutschland', 'BRD'],
  GB: ['UK', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales', 'Großbritannien', 'England'],
  IR: ['Persia', 'Iran', 'ایران'],
  KR: ['South Korea', 'Korea'],
  KP: ['North Korea'],
  MD: ['Moldova', 'Moldawien'],
  MK: ['Macedonia', 'Mazedonien'],
  NL: ['Holland'],
  PS: ['Palestine', 'Palästina', 'فلسطين'],
  RU: ['Russia', 'Russland', 'Россия', 'Rusya'],
  SY: ['Syria', 'Syrien', 'سوريا', 'سورية'],
  TR: ['Turkey', 'Türkei', 'Türkiye', 'Turkiye'],
  TW: ['Taiwan'],
  UA: ['Ukraine', 'Україна', 'Украина', 'Ukrayna'],
  US: ['USA', 'America', 'United States', 'Amerika', 'US'],
  VN: ['Vietnam'],
  XK: ['Kosovo'],
};

const displayNames = Object.fromEntries(languages.map((l) => [l, new Intl.DisplayNames([l], { type: 'region', fallback: 'none' })]));
const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

const rows = [];
for (let a = 65; a <= 90; a++) {
  for (let b = 65; b <= 90; b++) {
    const code = String.fromCharCode(a, b);
    if (notCountries.has(code) || code.startsWith('X') && code !== 'XK' || code.startsWith('Q')) continue;
    const name = english.of(code);
    if (!name || name === code) continue;
    const group = eu.includes(code) ? 'eu' : eea.includes(code) ? 'eea' : code === 'CH' ? 'ch' : 'other';
    const names = languages.map((l) => {
      const list = [displayNames[l].of(code)];
      if (l === 'en') list.push(...(aliases[code] ?? []));
      return [...new Set(list.filter(Boolean))].join('|');
    });
    rows.push([code, group, ...names].join('\t'));
  }
}

console.log('# Countries and territories: ISO 3166-1 alpha-2 code, group (eu, eea, ch or other), then names per language.');
console.log('# Names come from the Unicode CLDR (as shipped with Node.js); the en column also holds extra spellings.');
console.log('# Regenerate with: node scripts/generate-countries.mjs > dialogs/data/countries.tsv');
console.log(['code', 'group', ...languages].join('\t'));
for (const row of rows) console.log(row);
