/** Page furniture in each demo language: the words extraction must learn to leave out. */
import type { DemoLabels } from './types.js';

export const spanishLabels: DemoLabels = {
  home: 'Portada',
  skip: 'Saltar al contenido',
  by: 'Por',
  share: ['Compartir en Facebook', 'Compartir en X', 'Copiar enlace'],
  mostRead: 'Lo más leído',
  readAlso: 'LEE TAMBIÉN',
  newsletter: 'Suscríbete a nuestro boletín',
  newsletterButton: 'Suscribirme',
  cookies: 'Usamos cookies propias y de terceros para mejorar tu experiencia y mostrarte publicidad.',
  cookiesAccept: 'Aceptar',
  rights: 'Todos los derechos reservados.',
  demoNotice: 'Sitio de demostración de Happenings: medio y noticias ficticios.',
};

export const frenchLabels: DemoLabels = {
  home: 'Accueil',
  skip: 'Aller au contenu',
  by: 'Par',
  share: ['Partager sur Facebook', 'Partager sur X', 'Copier le lien'],
  mostRead: 'Les plus lus',
  readAlso: 'LIRE AUSSI',
  newsletter: 'Inscrivez-vous à notre lettre d’information',
  newsletterButton: 'Je m’inscris',
  cookies: 'Nous utilisons des cookies pour mesurer l’audience et personnaliser les publicités.',
  cookiesAccept: 'Accepter',
  rights: 'Tous droits réservés.',
  demoNotice: 'Site de démonstration de Happenings : journal et articles fictifs.',
};

export const germanLabels: DemoLabels = {
  home: 'Startseite',
  skip: 'Zum Inhalt springen',
  by: 'Von',
  share: ['Auf Facebook teilen', 'Auf X teilen', 'Link kopieren'],
  mostRead: 'Meistgelesen',
  readAlso: 'LESEN SIE AUCH',
  newsletter: 'Abonnieren Sie unseren Newsletter',
  newsletterButton: 'Abonnieren',
  cookies: 'Wir verwenden Cookies, um Ihnen ein besseres Nutzungserlebnis zu bieten.',
  cookiesAccept: 'Zustimmen',
  rights: 'Alle Rechte vorbehalten.',
  demoNotice: 'Demo-Website von Happenings: Zeitung und Artikel sind erfunden.',
};

export const portugueseLabels: DemoLabels = {
  home: 'Início',
  skip: 'Pular para o conteúdo',
  by: 'Por',
  share: ['Compartilhar no Facebook', 'Compartilhar no X', 'Copiar link'],
  mostRead: 'Mais lidas',
  readAlso: 'LEIA TAMBÉM',
  newsletter: 'Assine a nossa newsletter',
  newsletterButton: 'Assinar',
  cookies: 'Usamos cookies para melhorar a sua experiência e exibir publicidade.',
  cookiesAccept: 'Aceitar',
  rights: 'Todos os direitos reservados.',
  demoNotice: 'Site de demonstração do Happenings: jornal e notícias fictícios.',
};

export const englishLabels: DemoLabels = {
  home: 'Home',
  skip: 'Skip to content',
  by: 'By',
  share: ['Share on Facebook', 'Share on X', 'Copy link'],
  mostRead: 'Most read',
  readAlso: 'READ MORE',
  newsletter: 'Sign up for our newsletter',
  newsletterButton: 'Sign up',
  cookies: 'We use cookies to improve your experience and to show you relevant advertising.',
  cookiesAccept: 'Accept',
  rights: 'All rights reserved.',
  demoNotice: 'Happenings demo site: invented newspaper and stories.',
};
