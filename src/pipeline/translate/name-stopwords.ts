/**
 * Capitalised words that make a run of capitals an institution, a title, a place description or a
 * sentence opener rather than a person's name. A run is cut at them and each part judged alone, so
 * "Reverendo John Howard Johnson" keeps "John Howard Johnson" and "Casa Blanca" is left to the
 * translator ("White House"). Lower case; grouped by kind. Grown from the NTREX-128 differences
 * between raw Apertium and ours (bench/translate.ts).
 */
const groups = [
  // months and days
  'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre',
  'lunes martes miércoles jueves viernes sábado domingo',
  // articles, determiners and other sentence openers
  'el la los las lo un una unos unas en de del y o con por para según tras ante este esta estos estas ese esa',
  'ayer hoy mañana pero sin aunque cuando donde mientras además así también durante desde hasta entre sobre',
  'algunos algunas muchos muchas varios varias otros otras todos todas cada ningún ninguna su sus mi mis otro otra',
  // titles
  'señor señora don doña padre madre reverendo reverenda capitán capitana general teniente coronel sargento',
  'doctor doctora profesor profesora presidente presidenta ministro ministra primer primera rey reina príncipe',
  'princesa papa obispo arzobispo cardenal juez jueza fiscal alcalde alcaldesa gobernador gobernadora senador',
  'senadora diputado diputada secretario secretaria canciller director directora jefe jefa embajador embajadora',
  'santo santa san sir lord lady mme mmes mlle monsieur madame sr sra srta dom dona senhor senhora',
  // institutions and organisations
  'asamblea ayuntamiento banco casa comisión congreso consejo constitucional cortes estado estados fondo',
  'generalitat gobierno junta ministerio monetario mundial naciones organización parlamento partido popular',
  'reino salud senado socialista supremo tribunal unida unidas unido unidos unión universidad hospital',
  'instituto escuela colegio academia museo iglesia catedral fundación asociación federación liga copa',
  'comunidad república departamento agencia oficina policía ejército guardia fuerza fuerzas armada servicio',
  'sistema centro compañía empresa grupo club equipo consejería secretaría corte cámara movimiento frente',
  // geography and descriptive words
  'norte sur este oeste central oriental occidental nuevo nueva nuevos nuevas gran grande alto alta bajo baja',
  'río mar océano lago monte montaña sierra isla islas península golfo bahía playa calle avenida plaza puerto',
  'ciudad provincia región condado distrito estación aeropuerto parque puente torre palacio',
  'europa europea europeo internacional nacional federal real general metropolitana metropolitano',
];

export const nameStopwords: ReadonlySet<string> = new Set(groups.join(' ').split(/\s+/));

/**
 * Stopwords that make the whole run an institution or a place description, left entirely to the
 * translator ("Partido Conservador de Gales" → "Conservative Party of Wales", not "Party Conservador
 * de Gales"); the other stopwords (titles, openers) only cut the run.
 */
export const institutionWords: ReadonlySet<string> = new Set(groups.slice(10).join(' ').split(/\s+/));

/**
 * Compass points and landscape words ("del Río", "del Sur", "do Norte"): after a name's
 * connector they end a name of common words ("Pilar del Río"); institution words there do not
 * ("Miembros de la Asamblea" is a description for the translator).
 */
export const landscapeWords: ReadonlySet<string> = new Set([
  ...groups[17]!.split(/\s+/),
  ...'norte sur sul este oeste leste nord sud est ouest'.split(' '),
]);

/** Compass words: "Corea del Sur" is a country for the translator, "Diario del Sur" an outlet's name. */
export const compassWords: ReadonlySet<string> = new Set(
  'norte sur sul este oeste leste nord sud est ouest'.split(' '),
);

/**
 * First words of outlet names ("Diario del Sur", "Estrela do Norte", "Jornal da Tarde"): with them a
 * name keeps even a compass word. Spanish, Portuguese, French, Catalan; lower case.
 */
export const outletWords: ReadonlySet<string> = new Set(
  `crónica crônica correo correio diari diario diário eco estrella estrela folha gaceta gazeta heraldo hoja
  jornal journal noticias notícias periódico periodico radio rádio tribuna voz`.split(/\s+/),
);
