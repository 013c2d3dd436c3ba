/**
 * Labels of page furniture, per language: the text a box starts with ("LEE TAMBIÉN", "Lo más leído").
 * Data, not code: add a phrase here, never a branch in furniture.ts. Matching is case-insensitive and
 * accent-sensitive, on the start of a short text node (see furniture.ts), so keep phrases as written on
 * pages. Languages and phrases sorted alphabetically.
 */
export type FurnitureKind =
  'account' | 'comments' | 'cookies' | 'most-read' | 'newsletter' | 'related' | 'share' | 'skip-link';

type PhraseTable = Readonly<Record<string, Readonly<Partial<Record<FurnitureKind, readonly string[]>>>>>;

export const FURNITURE_PHRASES: PhraseTable = {
  de: {
    account: ['Anmelden'],
    comments: ['Kommentare'],
    cookies: ['Wir verwenden Cookies'],
    'most-read': ['Am meisten gelesen', 'Meistgelesen', 'Meistgelesene Artikel'],
    newsletter: ['Newsletter abonnieren'],
    related: [
      'Auch interessant',
      'Das könnte Sie auch interessieren',
      'Lesen Sie auch',
      'Mehr zum Thema',
      'Weiterlesen',
      'Weitere Artikel',
    ],
    share: ['Artikel teilen', 'Teilen'],
    'skip-link': ['Zum Inhalt springen'],
  },
  en: {
    account: ['Log in', 'Sign in'],
    comments: ['Comments', 'Join the conversation', 'Leave a comment'],
    cookies: ['This site uses cookies', 'We use cookies'],
    'most-read': ['Most popular', 'Most read', 'Most viewed', 'Trending now'],
    newsletter: ['Sign up for our newsletter', 'Subscribe to our newsletter'],
    related: [
      'Also it can read',
      'Also read',
      'More on this story',
      'Read also',
      'Read more',
      'Recommended',
      'Related articles',
      'Related stories',
      'See also',
      'You may also like',
    ],
    share: ['Share', 'Share on', 'Share this', 'Share this article', 'Share this story'],
    'skip-link': ['Skip to content', 'Skip to main content', 'Skip to navigation'],
  },
  es: {
    account: ['Iniciar sesión'],
    comments: ['Comentarios'],
    cookies: ['Este sitio utiliza cookies', 'Utilizamos cookies', 'Usamos cookies'],
    'most-read': ['Las más leídas', 'Lo más leído', 'Lo más visto', 'Más leídas'],
    newsletter: ['Recibe nuestro boletín', 'Suscríbete a nuestro boletín', 'Suscríbete al boletín'],
    related: [
      'Lea también',
      'Lea más',
      'Lee también',
      'Leer más',
      'Más noticias',
      'Noticias relacionadas',
      'Otras noticias',
      'Te puede interesar',
      'Te recomendamos',
      'Ver también',
    ],
    share: ['Compartir', 'Comparte', 'Compartir en'],
    'skip-link': ['Ir al contenido', 'Saltar al contenido', 'Saltar al contenido principal'],
  },
  fr: {
    account: ['Se connecter'],
    comments: ['Commentaires', 'Réagissez'],
    cookies: ['Nous utilisons des cookies', 'Ce site utilise des cookies'],
    'most-read': ['Les plus lus', 'Les plus populaires', 'Les articles les plus lus'],
    newsletter: ['Abonnez-vous à notre newsletter', 'Inscrivez-vous à la newsletter'],
    related: ['À lire aussi', 'A lire aussi', 'Lire aussi', 'Lisez aussi', 'Sur le même sujet', 'Voir aussi'],
    share: ['Partager', 'Partager cet article', 'Partager sur'],
    'skip-link': ['Aller au contenu', 'Aller au contenu principal'],
  },
  it: {
    account: ['Accedi'],
    comments: ['Commenti'],
    cookies: ['Questo sito utilizza cookie', 'Utilizziamo i cookie'],
    'most-read': ['I più letti', 'Più letti'],
    newsletter: ['Iscriviti alla newsletter'],
    related: ['Leggi anche', 'Leggi anche su', 'Potrebbe interessarti'],
    share: ['Condividi'],
    'skip-link': ['Vai al contenuto'],
  },
  pt: {
    account: ['Entrar'],
    comments: ['Comentários'],
    cookies: ['Este site utiliza cookies', 'Usamos cookies'],
    'most-read': ['Mais lidas', 'Mais lidos', 'Mais vistas'],
    newsletter: ['Assine a newsletter', 'Receba a nossa newsletter'],
    related: ['Leia também', 'Leia mais', 'Mais notícias', 'Outras notícias', 'Saiba mais', 'Veja também'],
    share: ['Compartilhar', 'Compartilhe', 'Partilhar'],
    'skip-link': ['Ir para o conteúdo', 'Pular para o conteúdo'],
  },
  ru: {
    account: ['Войти'],
    comments: ['Комментарии'],
    cookies: ['Мы используем cookies', 'Мы используем файлы cookie'],
    'most-read': ['Самое читаемое', 'Самое популярное', 'Самые популярные', 'Самые читаемые'],
    newsletter: ['Подпишитесь на рассылку'],
    related: ['Читайте также', 'Смотрите также', 'По теме'],
    share: ['Поделиться'],
    'skip-link': ['Перейти к содержанию'],
  },
};

export interface FurniturePhrase {
  kind: FurnitureKind;
  /** Lower-cased phrase. */
  phrase: string;
}

/** All phrases, longest first so that "Share this article" wins over "Share". */
export const PHRASES: readonly FurniturePhrase[] = Object.values(FURNITURE_PHRASES)
  .flatMap((byKind) =>
    Object.entries(byKind).flatMap(([kind, list]) =>
      list!.map((p) => ({ kind: kind as FurnitureKind, phrase: p.toLowerCase() })),
    ),
  )
  .sort((a, b) => b.phrase.length - a.phrase.length);
