/**
 * Folded function words of four letters or more in the languages Happenings reads. They carry no
 * story and would make every article a candidate for every story. Shorter words are dropped by
 * length alone (see mentions.ts). Sorted; extend freely.
 */
export const stopwords: ReadonlySet<string> = new Set(
  `aber about acerca ahora aith algo alguns alle allem allen aller alles also altre ambos amen andere antes apres aquel aquela aquele aqui aquilo
  asimismo aussi autre avant avec bajo been before bien both cada casi cela celle celles celui cerca ceux cette chez como comme comment con contra
  could dans dass debe deben dela dels dem den denen der des desde despues dessen deste desta dich dieser dieses diese dies doch donde dont dort
  during durante durch each eine einem einen einer eines ella ellas ellos elle elles enquanto entao entonces entre essa esse esta estaba estado
  estan estar este esto estos foram from fuera fueron fur gegen habe haben habia hace hacia han hasta have having hier hinaus ihre ihren ihrer
  into isso isto jede jetzt just kein keine leur leurs lhes mais mama mais mehr meme menos mesmo mientras mich mismo mit muito muy nach nada
  nicht noch nosotros nous nunca ohne onde only other otra otras otro otros ouvert over para parce pela pelo pero peut pode porque pour pourquoi
  quand quando quant quel quelle quelque qui quien quienes quoi rather sans segun seine seinem seinen seiner seit selon sera serait seria sich
  sido siempre sient sind sino sobre sois some sont sous such sur tambien tambem tanto tener tiene tienen todas todo todos tous tout toute
  toutes tres uber unas unos unter vers very vies voce vous wann ware waren warum weil wenn werden were what when where which while wird with
  wobei would your zwei zwischen dijo dice afirmo said says told according segun laut selon affirme sagte disse
  that this than then there these those they them their will also been after which would about could should`
    .split(/\s+/)
    .filter(Boolean),
);
