import { describe, expect, it } from 'vitest';
import { escapeInvisible, normaliseLineEnds, quoteForMessage, textProblem } from '../../shared/api/text';
import { must, seedSlice, servicesWithArchive } from './support';

describe('tekstreglerne', () => {
  it('tager almindelig dansk tekst, emoji og sammensatte emoji i begge slags felter', () => {
    for (const text of ['Æblegrød på tirsdag – «alle» får ordet', 'Trivsel 🍎👩🏽‍🏫', 'עברית og العربية står selv rigtigt']) {
      expect(textProblem('Titlen', text, 'one')).toBeNull();
      expect(textProblem('Noterne', text, 'many')).toBeNull();
    }
  });

  it('skelner mellem én linje og flere linjer', () => {
    expect(textProblem('Titlen', 'To\nlinjer', 'one')).toBe('Titlen skal stå på én linje. Fjern linjeskiftet og prøv igen.');
    expect(textProblem('Titlen', 'Med\ttab', 'one')).toBe('Titlen indeholder et usynligt styretegn (U+0009). Fjern det og prøv igen.');
    expect(textProblem('Noterne', 'To\nlinjer\tmed tab', 'many')).toBeNull();
    expect(normaliseLineEnds('a\r\nb\rc', 'many')).toBe('a\nb\nc');
    expect(normaliseLineEnds('a\r\nb', 'one')).toBe('a\r\nb');
    expect(textProblem('Noterne', 'Side\fskift', 'many')).toMatch(/usynligt styretegn \(U\+000C\)/);
    expect(textProblem('Noterne', 'C1\u009b2J', 'many')).toMatch(/U\+009B/);
  });

  it('finder hvert slags usynligt tegn, også langt inde i en lang tekst', () => {
    const long = (char: string) => `${'Æblegrød på tirsdag. '.repeat(2_000)}${char}${' og så videre'.repeat(100)}`;
    for (const lines of ['one', 'many'] as const) {
      expect(textProblem('Teksten', long('\u202E'), lines)).toMatch(/vender skriftretningen \(U\+202E\)/);
      expect(textProblem('Teksten', long('\u2066'), lines)).toMatch(/vender skriftretningen \(U\+2066\)/);
      expect(textProblem('Teksten', long('\uD83C'), lines)).toMatch(/ødelagt tegn \(U\+D83C\)/);
      expect(textProblem('Teksten', long('\uDF4E'), lines)).toMatch(/ødelagt tegn \(U\+DF4E\)/);
      expect(textProblem('Teksten', long('\u0000'), lines)).toMatch(/styretegn \(U\+0000\)/);
      expect(textProblem('Teksten', long('\u000B'), lines)).toMatch(/styretegn \(U\+000B\)/);
      expect(textProblem('Teksten', long('\u007F'), lines)).toMatch(/styretegn \(U\+007F\)/);
      expect(textProblem('Teksten', long('\u009F'), lines)).toMatch(/styretegn \(U\+009F\)/);
      expect(textProblem('Teksten', long('🍎'), lines)).toBeNull();
    }
    expect(textProblem('Titlen', long('\r'), 'one')).toBe('Titlen skal stå på én linje. Fjern linjeskiftet og prøv igen.');
    expect(textProblem('Noterne', long('\n\t'), 'many')).toBeNull();
    expect(normaliseLineEnds(long('\r'), 'many')).toBe(long('\n'));
    expect(normaliseLineEnds('Ingen linjeskift', 'many')).toBe('Ingen linjeskift');
  });

  it('viser styretegn synligt og forkorter det, der gentages i en besked', () => {
    expect(escapeInvisible('\u001b]0;evil\u0007 og \u202Egnp.exe\uD800')).toBe('\\u001b]0;evil\\u0007 og \\u202egnp.exe\\ud800');
    expect(escapeInvisible('Linje\nto\u2028')).toBe('Linje\\u000ato\\u2028');
    expect(escapeInvisible('Æblegrød 🍎')).toBe('Æblegrød 🍎');
    const long = quoteForMessage('🍎'.repeat(100));
    expect(Array.from(long)).toHaveLength(61);
    expect(long.endsWith('🍎…')).toBe(true);
  });
});

describe('udvekslingsfilen følger de samme tekstregler', () => {
  it('afviser en fil med et styretegn i en titel med feltets navn og indlæser intet', async () => {
    const source = servicesWithArchive();
    const { meeting } = await seedSlice(source.services);
    const doc = await must(source.services, 'exchange.export', { scope: 'moede', id: meeting.id });
    const file = JSON.parse(Buffer.from(doc.base64, 'base64').toString('utf8')) as { meetings: { title: string }[] };
    file.meetings[0]!.title = 'TRIO\u001b[2J';
    const target = servicesWithArchive();
    const result = await target.services.call('exchange.import', { content: JSON.stringify(file) });
    expect(result).toMatchObject({ ok: false, error: { code: 'ugyldigt_input', message: expect.stringMatching(/Mødets titel indeholder et usynligt styretegn \(U\+001B\)/) } });
    expect(await must(target.services, 'meetings.list', {})).toEqual([]);
    source.services.close();
    target.services.close();
  });
});
