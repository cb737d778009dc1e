import { describe, expect, it } from 'vitest';
import { isPresenterUrl, presenterWindowOptions } from '../../electron/main/presenter-window';
import { clockText, minutesLeft, readElapsed, readTimer, shortClockText, timerWords } from '../../renderer/presenter/timer';

const ID = '3f2b8c1e-9a4d-4e6f-8b21-0c5d7e9f1a23';

describe('Projektorvinduet', () => {
  it('må kun åbne appens egen side med et mødes id i adressen', () => {
    expect(isPresenterUrl(`app://samtalerum/index.html#praesentation=${ID}`)).toBe(true);
  });

  it('afviser andre værter, skemaer og sider', () => {
    expect(isPresenterUrl(`app://andet/index.html#praesentation=${ID}`)).toBe(false);
    expect(isPresenterUrl(`app://samtalerum.evil.dk/index.html#praesentation=${ID}`)).toBe(false);
    expect(isPresenterUrl(`app://samtalerum:8080/index.html#praesentation=${ID}`)).toBe(false);
    expect(isPresenterUrl(`app://bruger@samtalerum/index.html#praesentation=${ID}`)).toBe(false);
    expect(isPresenterUrl(`http://samtalerum/index.html#praesentation=${ID}`)).toBe(false);
    expect(isPresenterUrl(`https://samtalerum.dk/index.html#praesentation=${ID}`)).toBe(false);
    expect(isPresenterUrl(`http://127.0.0.1:5195/#praesentation=${ID}`)).toBe(false);
    expect(isPresenterUrl(`file:///C:/index.html#praesentation=${ID}`)).toBe(false);
    expect(isPresenterUrl(`app://samtalerum/andet.html#praesentation=${ID}`)).toBe(false);
    expect(isPresenterUrl('ikke en adresse')).toBe(false);
  });

  it('afviser et manglende eller forvansket id', () => {
    expect(isPresenterUrl('app://samtalerum/index.html')).toBe(false);
    expect(isPresenterUrl('app://samtalerum/index.html#praesentation=')).toBe(false);
    expect(isPresenterUrl('app://samtalerum/index.html#praesentation=123')).toBe(false);
    expect(isPresenterUrl(`app://samtalerum/index.html#praesentation=${ID.slice(0, -1)}x`)).toBe(false);
    expect(isPresenterUrl(`app://samtalerum/index.html#praesentation=${ID.replaceAll('-', '')}`)).toBe(false);
    expect(isPresenterUrl(`app://samtalerum/index.html#praesentation=${ID.toUpperCase()}`)).toBe(false);
    expect(isPresenterUrl(`app://samtalerum/index.html#moede=${ID}`)).toBe(false);
  });

  it('afviser alt, der står efter id’et eller ved siden af', () => {
    expect(isPresenterUrl(`app://samtalerum/index.html#praesentation=${ID}x`)).toBe(false);
    expect(isPresenterUrl(`app://samtalerum/index.html#praesentation=${ID}&vis=alt`)).toBe(false);
    expect(isPresenterUrl(`app://samtalerum/index.html#praesentation=${ID}/../x`)).toBe(false);
    expect(isPresenterUrl(`app://samtalerum/index.html#praesentation=${ID}#igen`)).toBe(false);
    expect(isPresenterUrl(`app://samtalerum/index.html#praesentation=${ID}%20`)).toBe(false);
    expect(isPresenterUrl(`app://samtalerum/index.html?x=1#praesentation=${ID}`)).toBe(false);
  });

  it('giver vinduet samme sikkerhedsindstillinger som hovedvinduet', () => {
    const options = presenterWindowOptions('/app/preload.cjs');
    expect(options.title).toBe('Samtalerum – projektor');
    expect(options.webPreferences).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
    });
  });
});

describe('Projektorens ur', () => {
  const startedAt = '2026-03-10T13:00:00.000Z';
  const at = (seconds: number) => Date.parse(startedAt) + seconds * 1000;

  it('lægger den løbende strækning til den sparede tid', () => {
    const reading = readTimer({ minutes: 10, timerElapsed: 60, timerStartedAt: startedAt }, at(30.6));
    expect(reading).toMatchObject({ elapsed: 90, remaining: 510, stage: 'normal', running: true });
    expect(clockText(reading.remaining)).toBe('08:30');
  });

  it('står stille på pause', () => {
    const reading = readTimer({ minutes: 10, timerElapsed: 125, timerStartedAt: null }, at(5000));
    expect(reading).toMatchObject({ elapsed: 125, running: false, stage: 'normal' });
  });

  it('skifter til "snart" de sidste to minutter', () => {
    const reading = readTimer({ minutes: 5, timerElapsed: 0, timerStartedAt: startedAt }, at(190));
    expect(reading.stage).toBe('snart');
    expect(minutesLeft(reading.remaining)).toBe(2);
    expect(readTimer({ minutes: 5, timerElapsed: 0, timerStartedAt: startedAt }, at(179)).stage).toBe('normal');
  });

  it('viser tid over tiden som +m:ss og en fuld bjælke', () => {
    const reading = readTimer({ minutes: 5, timerElapsed: 240, timerStartedAt: startedAt }, at(150));
    expect(reading).toMatchObject({ elapsed: 390, remaining: -90, stage: 'over', used: 1 });
    expect(shortClockText(reading.remaining)).toBe('1:30');
    expect(clockText(reading.remaining)).toBe('01:30');
  });

  it('tæller ikke baglæns, hvis den lokale tid er lidt bagud for serveren', () => {
    expect(readTimer({ minutes: 5, timerElapsed: 30, timerStartedAt: startedAt }, at(-2)).elapsed).toBe(30);
  });

  it('siger tiden med samme tal og ord på projektoren og på facilitatorens skærm', () => {
    const item = { minutes: 15, timerElapsed: 0, timerStartedAt: startedAt };
    for (const [seconds, clock, status] of [
      [475, '07:05', 'tilbage af 15 min.'],
      [810, '01:30', '2 min. tilbage'],
      [990, '+01:30', '+1:30 over tiden'],
    ] as const) {
      const wall = readTimer(item, at(seconds));
      // The facilitator's screen counts the seconds itself and reads them with readElapsed.
      const laptop = readElapsed(item.minutes, seconds, true);
      expect(laptop).toEqual(wall);
      expect(timerWords(wall, item.minutes)).toEqual({ clock, status });
    }
  });
});
