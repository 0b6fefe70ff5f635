import { describe, expect, it } from 'vitest';
import { neutralizeFormula } from '../../../lib/export/neutralize';

describe('formula neutralisation', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+33 6 12', "'+33 6 12"],
    ['-1cmd', "'-1cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['\ncmd', "'\ncmd"],
    [' =1+1', "' =1+1"],
    ['   @SUM(A1)', "'   @SUM(A1)"],
    ['\u00a0=1+1', "'\u00a0=1+1"],
    ['\u2003+1', "'\u2003+1"],
    ['\u3000-1', "'\u3000-1"],
    ['\u200b=1', "'\u200b=1"],
    ['\ufeff=1', "'\ufeff=1"],
    ['\u0007=1', "'\u0007=1"],
    ['\n=1', "'\n=1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    [' ＝1', "' ＝1"],
  ])('a formula hidden behind what a spreadsheet skips gets an apostrophe: %j', (text, shown) => expect(neutralizeFormula(text)).toBe(shown));

  it.each([
    ['Boulangerie Dupont', 'Boulangerie Dupont'],
    ['', ''],
    ['   ', '   '],
    ['a = b', 'a = b'],
    ['Réponse, "urgente"', 'Réponse, "urgente"'],
    [' note', ' note'],
  ])('plain text stays as it is: %j', (text, shown) => expect(neutralizeFormula(text)).toBe(shown));
});
