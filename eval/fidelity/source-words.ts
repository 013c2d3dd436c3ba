/**
 * Common words of each source language that are not English words (nor parts of names): one of them
 * copied into an English translation is a word the engine left untranslated. Function words and the
 * most frequent news words, written from grammar and general knowledge (not mined from the audit's
 * pages); words English shares ("a", "no", "me", "son", "real", "general", "plan") are left out.
 * Sorted by language; extend freely.
 */
const words: Record<string, string> = {
  es: `actualmente además ahora algunos algunas año años aquí así aunque ayer bajo cada casi ciudad como con
 cuando cuenta dentro desde después dijo donde durante él ella ellos embargo entonces entre eran
 esta está están este esto estos fue fueron gobierno había hace hacia hasta hoy las los mayor
 mientras muy más ni nuestro otra otras otro otros para pero porque puede pueden pues que
 qué semana ser será sido siempre sobre también tiene tienen todas todavía todo todos tras
 una unas unos`,
  pt: `agora ainda algumas alguns ano anos antes apenas aqui assim até cada cidade como contra das
 depois desde disse ele ela eles em entre então essa esse esta está estão este foi foram
 governo há isso isto já mais mas muito muitos não nas nem nos num numa onde ou para pela pelo pelos
 pode podem por porque quando que são sem semana ser será sobre também tem têm toda todas todo todos
 uma umas uns você`,
  fr: `ainsi alors après aussi autre avait avant avec beaucoup cette ces chez comme dans depuis des
 deux dit donc elle elles encore entre est été être fait gouvernement ils leur leurs lors mais
 même moins nous où parce pendant peu peut près quand que quel quelle qui sans selon
 ses sont sous sur toujours tous toute toutes très une vers vous également déjà`,
  ca: `això aleshores amb anys aquest aquesta aquests aquí així dels després diu durant ells
 els entre està estan govern hi però perquè més molt només quan també tenen tots una uns
 va vegada`,
};

export const sourceWords: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  Object.entries(words).map(([language, list]) => [language, new Set(list.split(/\s+/).filter(Boolean))]),
);
