/**
 * The Spanish personal "a" before a person as direct object ("recibe a Kim Jong Un"), which Apertium
 * renders "to": the test for it, used before protected names (segments.ts) and before nouns for
 * people (source-edits.ts).
 */
import type { NameSpan } from './protect-names.js';

// Verbs whose "a" before a person is "to" in English ("dijo a Putin" → "said to Putin").
const dativeVerbs = new Set(
  (
    'dijo dice dicen dijeron escribió escribe envió envía mandó manda habló habla explicó explica entregó entrega ' +
    'dio da dieron regaló ofreció ofrece propuso comunicó contó cuenta respondió responde contestó agradeció ' +
    'vendió vende pagó paga prestó mostró muestra enseñó presentó ' +
    // prepositions and nouns before "a": "frente a", "gracias a", "la visita a", "su apoyo a"
    'de en por para con que frente junto gracias visita viaje carta mensaje llamada homenaje apoyo críticas ' +
    'respecto contrario cercano cercanos cercana leal fiel parecido igual próximo'
  ).split(' '),
);

/**
 * Spanish marks a person as direct object with "a" ("recibe a Kim Jong Un"); Apertium renders it
 * "receives to Kim Jong Un". Before a protected person, the "a" is dropped unless the verb takes an
 * indirect object. Places ("viajó a Pionyang") keep it: "to Pyongyang".
 */
export function dropPersonalA(before: string, span: NameSpan): string {
  if (span.entry && span.entry.kind !== 'p') return before;
  const match = /(\S+)\s+a\s+$/u.exec(before) ?? /^()a\s+$/u.exec(before);
  if (!match) return before;
  return takesPersonalA(match[1]!) ? before.replace(/\ba\s+$/u, '') : before;
}

/**
 * Whether a person after this word takes the Spanish personal "a" (to be dropped in English): after
 * a word that can be a verb form not taking an indirect object, or after "y" ("recibió a X y a Y").
 * "un pase de tacón a Mateo Kovacic" is "to": "tacón" is no verb form.
 */
export function takesPersonalA(word: string): boolean {
  const verb = word.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (verb === 'y' || verb === 'e') return true;
  return (
    !dativeVerbs.has(verb) && /(?:[óéáíae]|[ae]n|[ae]s|mos|ron|ba|ban|ían|ar|er|ir|ado|ido|ando|iendo)$/u.test(verb)
  );
}
