import { describe, expect, it } from 'vitest';
import { LISTENING_LIMITS } from '../../shared/domain/listening';
import { CAPTURE_MESSAGES, parseCaptureLine, themeFromTag } from '../../shared/domain/listeningCapture';

function ok(line: string, quoteChecked = false, known: string[] = []) {
  const result = parseCaptureLine(line, quoteChecked, known);
  if (!result.ok) throw new Error(`Forventede et input, fik: ${result.message}`);
  return result;
}

describe('lyttemødets indtastningslinje', () => {
  it('tager temaer i slutningen af linjen ud af teksten', () => {
    expect(ok('Vi når ikke at forberede os #forberedelse #tid')).toEqual({
      ok: true,
      text: 'Vi når ikke at forberede os',
      themes: ['forberedelse', 'tid'],
      isQuote: false,
    });
  });

  it('beholder ordet, når temaet står inde i sætningen', () => {
    expect(ok('Vi mangler #tid til fælles planlægning')).toMatchObject({ text: 'Vi mangler tid til fælles planlægning', themes: ['tid'] });
  });

  it('læser æ, ø og å i temaer og skriver dem med små bogstaver', () => {
    expect(ok('Skemaet skifter hele tiden #Skemalægning #trivsel_på_skolen #åbenhed').themes).toEqual([
      'skemalægning',
      'trivsel på skolen',
      'åbenhed',
    ]);
  });

  it('lader tegnsætning efter et tema være tegnsætning', () => {
    expect(ok('Det er svært at nå det hele #tid.')).toMatchObject({ text: 'Det er svært at nå det hele.', themes: ['tid'] });
    expect(ok('Vi taler om #inklusion, igen og igen')).toMatchObject({ text: 'Vi taler om inklusion, igen og igen', themes: ['inklusion'] });
    expect(ok('Hvornår får vi svar? #ledelse!')).toMatchObject({ text: 'Hvornår får vi svar?', themes: ['ledelse'] });
  });

  it('tager hvert tema med én gang, uanset store og små bogstaver', () => {
    expect(ok('Tid, tid, tid #tid #Tid #TID #forberedelse #tid').themes).toEqual(['tid', 'forberedelse']);
  });

  it('bruger seriens stavemåde, når temaet findes i forvejen', () => {
    expect(ok('Ingen tid #it-støtte', false, ['IT-støtte']).themes).toEqual(['IT-støtte']);
    expect(themeFromTag('Faglig_Ledelse')).toBe('faglig ledelse');
  });

  it('afviser en linje med kun temaer med en dansk besked', () => {
    expect(parseCaptureLine('#tid #forberedelse')).toEqual({ ok: false, message: CAPTURE_MESSAGES.onlyTags });
    expect(parseCaptureLine('  #tid .  ')).toEqual({ ok: false, message: CAPTURE_MESSAGES.onlyTags });
  });

  it('afviser en tom linje', () => {
    expect(parseCaptureLine('   ')).toEqual({ ok: false, message: CAPTURE_MESSAGES.empty });
    expect(parseCaptureLine('»«')).toEqual({ ok: false, message: CAPTURE_MESSAGES.empty });
  });

  it('markerer en linje, der starter med et anførselstegn, som citat og fjerner tegnene', () => {
    expect(ok('"Vi er trætte af at starte forfra" #forandring')).toMatchObject({ text: 'Vi er trætte af at starte forfra', isQuote: true, themes: ['forandring'] });
    expect(ok('»Ingen spørger os«.')).toMatchObject({ text: 'Ingen spørger os.', isQuote: true });
    expect(ok('„Det er for meget“')).toMatchObject({ text: 'Det er for meget', isQuote: true });
    expect(ok('»Uden slutmærke')).toMatchObject({ text: 'Uden slutmærke', isQuote: true });
  });

  it('bruger afkrydsningen for citat, når linjen ikke starter med anførselstegn', () => {
    expect(ok('Vi bliver ikke hørt', true).isQuote).toBe(true);
    expect(ok('Vi bliver ikke hørt').isQuote).toBe(false);
  });

  it('samler mellemrum og holder grænserne', () => {
    expect(ok('  For   mange    møder  ').text).toBe('For mange møder');
    expect(parseCaptureLine('x'.repeat(LISTENING_LIMITS.input + 1))).toEqual({ ok: false, message: CAPTURE_MESSAGES.tooLong });
    const many = Array.from({ length: LISTENING_LIMITS.themesPerInput + 1 }, (_, i) => `#tema${i}`).join(' ');
    expect(parseCaptureLine(`For mange temaer ${many}`)).toEqual({ ok: false, message: CAPTURE_MESSAGES.tooManyThemes });
    expect(parseCaptureLine(`Langt tema #${'a'.repeat(LISTENING_LIMITS.theme + 1)}`).ok).toBe(false);
  });
});
