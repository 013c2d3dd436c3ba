import { describe, expect, it } from 'vitest';
import { englishNumbers, polish } from './polish.js';
import { dropAnimateA } from './source-edits.js';
import { guessUnknown } from './unknown-words.js';

describe('polish (Spanish → English post-editing)', () => {
  it('puts "on" before a weekday, and no article after a preposition', () => {
    expect(polish('It arrived the Saturday and left since the Monday.', '', 'es')).toBe(
      'It arrived on Saturday and left since Monday.',
    );
    expect(polish('The Friday there was a vote.', '', 'es')).toBe('On Friday there was a vote.');
  });

  it('writes continental numbers the English way, only those the source wrote', () => {
    expect(englishNumbers('a quake of 7,5 and 360.000 people', 'de 7,5 y 360.000 personas')).toBe(
      'a quake of 7.5 and 360,000 people',
    );
    expect(englishNumbers('at 5.30 and 2,000 more', 'a las 5.30 y 2,000 más')).toBe('at 5.30 and 2,000 more');
  });

  it('turns guillemets into English quotes, "50 %" into "50%", "EE. UU." into "US"', () => {
    expect(polish('«Yes» said 50 % of *EE. *UU. voters', '', 'es')).toBe('“Yes” said 50% of US voters');
  });

  it('fixes ages, "said to" and last week', () => {
    expect(polish('A boy of 13 years said to the police the past week', '', 'es')).toBe(
      'A 13-year-old boy told the police last week',
    );
    expect(polish('Simpson, of 20 years, was arrested', '', 'es')).toBe('Simpson, 20, was arrested');
  });

  it('uses a news sense only where the source holds the word', () => {
    expect(polish('The estimate of the government', 'El presupuesto del gobierno', 'es')).toBe(
      'The budget of the government',
    );
    expect(polish('The estimate of the government', 'La estimación del gobierno', 'es')).toBe(
      'The estimate of the government',
    );
  });

  it('agrees "his" with a plural subject, and rewrites word-for-word turns', () => {
    expect(polish('They lost his homes.', '', 'es')).toBe('They lost their homes.');
    expect(polish('The players said that his team won; his coach agreed.', '', 'es')).toBe(
      'The players said that their team won; his coach agreed.',
    );
    expect(polish('A lot of fans came in September of 2018, like the ones of Gerrard.', '', 'es')).toBe(
      'Many fans came in September 2018, like those of Gerrard.',
    );
    expect(polish('He met the president Erdogan.', '', 'es')).toBe('He met President Erdogan.');
  });

  it('reads news set phrases and prepositions the English way, only where the source says so', () => {
    expect(
      polish(
        'The president gathered with the prime minister.',
        'El presidente se reunió con el primer ministro.',
        'es',
      ),
    ).toBe('The president met with the prime minister.');
    expect(
      polish('Miles of people arrived yesterday to Madrid.', 'Miles de personas llegaron ayer a Madrid.', 'es'),
    ).toBe('Thousands of people arrived yesterday in Madrid.');
    expect(polish('He arrived to find the house empty.', 'Llegó para encontrar la casa vacía.', 'es')).toBe(
      'He arrived to find the house empty.',
    );
    expect(polish('The agreement among France and Germany.', 'El acuerdo entre Francia y Alemania.', 'es')).toBe(
      'The agreement between France and Germany.',
    );
    expect(
      polish('The dispute among Spain, France and Italy.', 'La disputa entre España, Francia e Italia.', 'es'),
    ).toBe('The dispute among Spain, France and Italy.');
    expect(polish('They asked him on the crisis.', 'Le preguntaron sobre la crisis.', 'es')).toBe(
      'They asked him about the crisis.',
    );
    expect(
      polish('The external politics and the energetic crisis.', 'La política exterior y la crisis energética.', 'es'),
    ).toBe('The foreign policy and the energy crisis.');
    expect(polish('An official visit of three days and a strike of eight hours.', '', 'es')).toBe(
      'A three-day official visit and an eight-hour strike.',
    );
    expect(
      polish('Million euros, but 3 million people.', 'Millones de euros, pero 3 millones de personas.', 'es'),
    ).toBe('Millions of euros, but 3 million people.');
    expect(
      polish(
        'Tens of wounded and tens of thousands of people.',
        'Decenas de heridos y decenas de miles de personas.',
        'es',
      ),
    ).toBe('Dozens of wounded and tens of thousands of people.');
  });

  it('mends word-for-word news phrases: carried out, according to, were wounded, by 10 %, the United States, match', () => {
    expect(polish('They #carry an investigation.', 'Llevaron a cabo una investigación.', 'es')).toBe(
      'They carried out an investigation.',
    );
    expect(
      polish(
        'As it informed the police, there was three wounded.',
        'Según informó la policía, hubo tres heridos.',
        'es',
      ),
    ).toBe('According to the police, there were three wounded.');
    expect(polish('Three people resulted wounds.', 'Tres personas resultaron heridas.', 'es')).toBe(
      'Three people were wounded.',
    );
    expect(polish('The sales fell a 10 %.', 'Las ventas cayeron un 10 %.', 'es')).toBe('The sales fell by 10%.');
    expect(polish('The president of United States spoke.', '', 'es')).toBe('The president of the United States spoke.');
    expect(polish('The team won the party after a goal.', 'El equipo ganó el partido tras un gol.', 'es')).toBe(
      'The team won the match after a goal.',
    );
    expect(
      polish('The party of the opposition voted against.', 'El partido de la oposición votó en contra.', 'es'),
    ).toBe('The party of the opposition voted against.');
    expect(polish('The minister ensured that it will rain.', 'El ministro aseguró que lloverá.', 'es')).toBe(
      'The minister said that it will rain.',
    );
    expect(
      polish(
        'The minister ensured that the doors were closed.',
        'El ministro se aseguró de que las puertas estuvieran cerradas.',
        'es',
      ),
    ).toBe('The minister ensured that the doors were closed.');
  });

  it('keeps "his" after a singular noun ending in s ("the press")', () => {
    expect(
      polish(
        'The local press critiqued him by his statements.',
        'La prensa local lo criticó por sus declaraciones.',
        'es',
      ),
    ).toBe('The local press criticised him by his statements.');
  });

  it('can switch each feature off', () => {
    expect(polish('the Saturday', '', 'es', { weekdays: false })).toBe('the Saturday');
  });
});

describe('unknown words', () => {
  it('uses the table, verb forms and cognate endings; names stay as written', () => {
    expect(guessUnknown('cientos')).toBe('hundreds');
    expect(guessUnknown('sucedió')).toBe('happened');
    expect(guessUnknown('desnuclearización')).toBe('denuclearization');
    expect(guessUnknown('radioactividad')).toBe('radioactivity');
    expect(guessUnknown('Agüero')).toBe('Agüero');
    expect(guessUnknown('pocilgón')).toBe('pocilgón');
  });
});

describe('personal "a" before a person', () => {
  it('drops it after a verb, keeps it for places and after verbs of saying', () => {
    expect(dropAnimateA('Un tiburón atacó a un niño')).toBe('Un tiburón atacó un niño');
    expect(dropAnimateA('recibió al presidente')).toBe('recibió el presidente');
    expect(dropAnimateA('viajó a la ciudad')).toBe('viajó a la ciudad');
    expect(dropAnimateA('dijo a los periodistas')).toBe('dijo a los periodistas');
  });
});
