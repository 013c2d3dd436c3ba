// Consent notices (cookie banners) kept in article text, in six languages (written here, shaped like
// the ones scrapers keep), and news that reports on cookies or privacy policies, which stays.
import { describe, expect, it } from 'vitest';
import { noticeSpans, withoutConsentNotices } from './consent-notice.js';

const notices: Record<string, string> = {
  de: 'Wir verwenden Cookies und ähnliche Technologien, um Ihnen unser Angebot bereitzustellen. Einige davon helfen uns, Inhalte und Anzeigen zu personalisieren. Sie dienen auch der Reichweitenmessung. Wenn Sie weiter auf unserer Seite lesen, stimmen Sie der Verwendung von Cookies zu. Mehr dazu lesen Sie in unserer Datenschutzerklärung.',
  en: 'We use cookies to give you the best experience on our website. By continuing to use the site you agree to our use of cookies. See our privacy policy for details.',
  pl: 'Korzystamy z plików cookie naszych partnerów, aby serwis działał lepiej. Szczegóły znajdziesz w naszej Polityce prywatności. Klikając „Zaakceptuj i zamknij”, wyrażasz zgodę na przetwarzanie danych.',
  tr: 'Size daha iyi bir deneyim sunmak için sitemizde çerezler kullanıyoruz. Siteyi kullanmaya devam ederek çerez kullanımını kabul etmiş olursunuz. Ayrıntılar için Çerez Politikası sayfasına bakın.',
  fr: 'Nous utilisons des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez leur utilisation. Consultez notre politique de confidentialité.',
  es: 'Utilizamos cookies propias y de terceros para mejorar nuestros servicios. Si continúa navegando, consideramos que acepta su uso. Más información en nuestra política de privacidad.',
};

const headlines: Record<string, string> = {
  de: 'Zugunglück bei Hamm: Drei Verletzte',
  en: 'Ferry strike cancels 40 crossings in Lisbon',
  pl: 'Powódź w Kłodzku: ewakuowano 300 osób',
  tr: 'Sivas’ta kar yağışı ulaşımı aksattı',
  fr: 'Grève des contrôleurs aériens à Marseille',
  es: 'Huelga de transporte en Bilbao este lunes',
};

describe('withoutConsentNotices', () => {
  for (const [language, notice] of Object.entries(notices)) {
    it(`cuts a ${language} notice after a headline on its own line and keeps the headline`, () => {
      expect(withoutConsentNotices(`${headlines[language]}\n${notice}`)).toBe(headlines[language]);
    });
  }

  it('cuts at a usual opening when the headline is glued to the notice without a stop', () => {
    expect(withoutConsentNotices(`${headlines.de} ${notices.de}`)).toBe(headlines.de);
    expect(withoutConsentNotices(`${headlines.en} ${notices.en}`)).toBe(headlines.en);
  });

  it('keeps the news around a notice, and the notice spans only the notice', () => {
    const lead = 'Three people were hurt when a regional train hit a tractor near Hamm on Monday, police said.';
    const more = 'The line to Münster stayed closed for four hours.';
    const text = `${lead}\n${notices.en}\n${more}`;
    expect(withoutConsentNotices(text)).toBe(`${lead}\n${more}`);
    const [span, ...others] = noticeSpans(text);
    expect(others).toEqual([]);
    expect(text.slice(span!.start, span!.end).trim()).toBe(notices.en);
  });

  it('cuts one short sentence that points the reader to the privacy policy', () => {
    const lead = 'The council approved the budget by 31 votes to 12 on Thursday.';
    expect(withoutConsentNotices(`${lead} For more on how we hold your personal data, see our privacy policy.`)).toBe(
      lead,
    );
  });

  it('keeps a long run-on sentence with a newsletter prompt in it: its headline and lead are news', () => {
    const glued =
      'Ferry strike cancels 40 crossings in Lisbon Sign up to free daily email alerts Subscribe Thank you for subscribing See our privacy notice Invalid Email The Lisbon ferry operator Transtejo cancelled 40 crossings on Tuesday after a strike by 300 engineers over pay and rosters';
    expect(withoutConsentNotices(glued)).toBe(glued);
  });

  it('leaves news about cookies and privacy policies alone', () => {
    const reports = [
      'Facebook changed its privacy policy on Tuesday after regulators in Ireland said the company had not explained how cookies track users across websites. The Data Protection Commission said the new policy still fell short.',
      'Das Bundeskartellamt hat die Datenschutzerklärung des Konzerns beanstandet. Sie setzten Cookies von Drittanbietern ohne Zustimmung, sagte die Behörde. Die Nutzer seien nicht informiert worden.',
      'La CNIL a sanctionné le site pour des cookies déposés sans consentement. Sa politique de confidentialité était incomplète, selon l’autorité.',
      // Shaped like sentences of real pages that a looser rule cut (bench:extract's sets).
      'Agencies that sell cookie-cutter plans to every client rarely last. A vegan cookie now and then is fine.',
      'Tracking: marketers use cookies and session data to follow visitors across your website. Most users never notice.',
      'Privacy policy: we read each provider’s privacy policy to check that nothing is tied to our identity. Audits: we also read each provider’s privacy policy against its audit report.',
    ];
    for (const report of reports) expect(withoutConsentNotices(report)).toBe(report);
  });

  it('returns the very string when there is no marker at all', () => {
    const text = 'A magnitude 6.8 earthquake hit Marrakesh on Friday night, Morocco said.';
    expect(withoutConsentNotices(text)).toBe(text);
  });
});
