// Regenerates dialogs/data/language-names.tsv: languages people may ask to be counselled in, with their
// names in each catalog language and in their own script, from the Unicode CLDR data that ships with
// Node.js (Intl.DisplayNames). Usage: node scripts/generate-language-names.mjs > dialogs/data/language-names.tsv

const catalogs = ['de', 'en', 'ar', 'uk', 'ru', 'tr', 'fa', 'fr', 'es', 'pl', 'ro'];

// Languages of the people IQ and Fair Integration counsel, and of their counsellors.
const languages = [
  'de', 'en', 'ar', 'uk', 'ru', 'tr', 'fa', 'fr', 'es', 'pl', 'ro', 'fa-AF', 'ps', 'ku', 'ckb', 'ti', 'am', 'so',
  'sq', 'bs', 'hr', 'sr', 'mk', 'bg', 'el', 'it', 'pt', 'hu', 'cs', 'sk', 'sl', 'lt', 'lv', 'et', 'nl', 'vi', 'zh',
  'hi', 'ur', 'bn', 'ta', 'pa', 'ne', 'tl', 'id', 'th', 'ja', 'ko', 'he', 'ka', 'hy', 'az', 'uz', 'kk', 'ky', 'tg',
  'tk', 'mn', 'be', 'sw', 'ha', 'yo', 'ig', 'wo', 'ln', 'rw', 'mg', 'ber', 'ug', 'my', 'km', 'si',
];

// Names people use that CLDR files under another name.
const extra = { 'fa-AF': ['Dari', 'دری', 'Дари', 'Darî'], fa: ['Farsi'], ku: ['Kurmanji'], ckb: ['Sorani'] };

const names = Object.fromEntries(catalogs.map((l) => [l, new Intl.DisplayNames([l], { type: 'language', fallback: 'none' })]));

console.log('# Languages for the counselling-language question: code, the name in its own language, then its name in each catalog language.');
console.log('# Names come from the Unicode CLDR (as shipped with Node.js); the own column also holds other names people use.');
console.log('# Regenerate with: node scripts/generate-language-names.mjs > dialogs/data/language-names.tsv');
console.log(['code', 'own', ...catalogs].join('\t'));
for (const code of languages) {
  let own;
  try {
    own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    own = undefined;
  }
  const ownColumn = [...new Set([own, ...(extra[code] ?? [])].filter(Boolean))].join('|');
  const row = catalogs.map((l) => names[l].of(code) ?? '');
  if (!ownColumn && row.every((n) => !n)) continue;
  console.log([code, ownColumn || row[1], ...row].join('\t'));
}
