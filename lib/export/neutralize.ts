/**
 * Spreadsheets skip leading blanks (a space, a non-breaking or ideographic space, a
 * zero-width character, a line break) before deciding that a cell is a formula, and take
 * the full-width `＝ ＋ － ＠` for their ASCII forms; a tab, a carriage return or a line feed
 * at the start can open a formula on its own.
 */
const FORMULA = /^(?:[\t\r\n]|[\s\p{Cc}\p{Cf}]*[=+\-@＝＋－＠])/u;

/** Text a spreadsheet would run as a formula gets a leading apostrophe: it is shown, never run. */
export function neutralizeFormula(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}
