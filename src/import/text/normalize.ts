/**
 * The canonical text of a letter, the same whether it came from the PDF or from pdftotext:
 * typography mapped to ASCII, spaces collapsed, lines trimmed, blank lines and page breaks dropped.
 * Evidence offsets in imported cases point into this text.
 */
const CHAR_MAP: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2022': '*', '\u00B7': '*', '\u2026': '...',
  '\uFB00': 'ff', '\uFB01': 'fi', '\uFB02': 'fl', '\uFB03': 'ffi', '\uFB04': 'ffl',
};
const CHAR_RE = new RegExp(`[${Object.keys(CHAR_MAP).join('')}]`, 'g');

export function normalizeLetterText(s: string): string {
  return s
    .replace(CHAR_RE, (c) => CHAR_MAP[c] ?? c)
    .replace(/\u00AD/g, '') // soft hyphen: the two extractors differ on it
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
