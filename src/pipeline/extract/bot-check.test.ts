// Bot checks in several languages (pages written here, shaped like the ones publishers serve), and
// articles that mention blocking or robots, which stay articles.
import { describe, expect, it } from 'vitest';
import { botCheckPhrase } from './bot-check.js';

const pages: Record<string, string[]> = {
  pl: [
    'Przykro nam, ale z adresu IP, z którego się łączysz, odnotowaliśmy ogromną ilość połączeń.',
    'Jeśli chcesz połączyć się z nami, zaznacz "NIE JESTEM ROBOTEM".',
  ],
  en: ['Checking your browser before accessing news.example.', 'This process is automatic.'],
  enCaptcha: ['Please verify you are human', 'Press & Hold to confirm you are a human (and not a bot).'],
  de: ['Bitte bestätigen Sie, dass Sie kein Roboter sind.', 'Ich bin kein Roboter'],
  es: ['Hemos detectado tráfico inusual.', 'Marca la casilla «No soy un robot» para continuar.'],
  fr: ['Un instant…', 'Cochez « Je ne suis pas un robot » pour accéder à la page.'],
  tr: ['Olağandışı trafik algıladık.', 'Lütfen "Ben robot değilim" kutusunu işaretleyin.'],
  ru: ['Подтвердите, что запросы отправляли вы, а не робот.', 'Я не робот'],
  ar: ['يرجى التحقق', 'أنا لست برنامج روبوت'],
  tinyWeak: ['Access denied', 'You do not have permission to access this page on this server. Reference #18.2f.'],
};

describe('botCheckPhrase', () => {
  for (const [language, texts] of Object.entries(pages))
    it(`finds the bot check of a ${language} page`, () => {
      expect(botCheckPhrase(texts)).not.toBeNull();
    });

  it('names the phrase it found, folded', () => {
    expect(botCheckPhrase(pages.pl!)).toBe('nie jestem robotem');
  });

  const filler =
    'The ministry said the measure would take effect on Monday and that inspectors would check the sites in the coming weeks. ';

  it('leaves an article that reports on blocking or robots alone', () => {
    const report = [
      'Access denied: court upholds ban on the protest march',
      `The regional court said on Tuesday that access denied to the square was lawful. ${filler.repeat(4)}`,
    ];
    expect(botCheckPhrase(report)).toBeNull();
    const robots = [
      'Factory robots take over the night shift',
      `"I am not a robot," joked the plant manager. ${filler.repeat(20)}`,
    ];
    expect(botCheckPhrase(robots)).toBeNull();
  });

  it('reads a weak phrase only in a tiny text', () => {
    expect(botCheckPhrase(['Too many requests'])).toBe('too many requests');
    expect(botCheckPhrase(['Too many requests', filler.repeat(3)])).toBeNull();
  });

  it('finds nothing in nothing', () => {
    expect(botCheckPhrase([])).toBeNull();
    expect(botCheckPhrase([null, '', undefined])).toBeNull();
  });
});
