import { describe, expect, it } from 'vitest';
import { englishNumbers, polish } from './polish.js';
import { dropAnimateA } from './source-edits.js';
import { guessUnknown } from './unknown-words.js';

describe('polish (Spanish → English post-editing)', () => {
  it('puts "on" before a weekday, and no article after a preposition', () => {
    expect(polish('It arrived the Saturday and left since the Monday.', '', 'es')).toBe('It arrived on Saturday and left since Monday.');
    expect(polish('The Friday there was a vote.', '', 'es')).toBe('On Friday there was a vote.');
  });

  it('writes continental numbers the English way, only those the source wrote', () => {
    expect(englishNumbers('a quake of 7,5 and 360.000 people', 'de 7,5 y 360.000 personas')).toBe('a quake of 7.5 and 360,000 people');
    expect(englishNumbers('at 5.30 and 2,000 more', 'a las 5.30 y 2,000 más')).toBe('at 5.30 and 2,000 more');
  });

  it('turns guillemets into English quotes, "50 %" into "50%", "EE. UU." into "US"', () => {
    expect(polish('«Yes» said 50 % of *EE. *UU. voters', '', 'es')).toBe('“Yes” said 50% of US voters');
  });

  it('fixes ages, "said to" and last week', () => {
    expect(polish('A boy of 13 years said to the police the past week', '', 'es')).toBe('A 13-year-old boy told the police last week');
    expect(polish('Simpson, of 20 years, was arrested', '', 'es')).toBe('Simpson, 20, was arrested');
  });

  it('uses a news sense only where the source holds the word', () => {
    expect(polish('The estimate of the government', 'El presupuesto del gobierno', 'es')).toBe('The budget of the government');
    expect(polish('The estimate of the government', 'La estimación del gobierno', 'es')).toBe('The estimate of the government');
  });

  it('agrees "his" with a plural subject, and rewrites word-for-word turns', () => {
    expect(polish('They lost his homes.', '', 'es')).toBe('They lost their homes.');
    expect(polish('The players said that his team won; his coach agreed.', '', 'es')).toBe('The players said that their team won; his coach agreed.');
    expect(polish('A lot of fans came in September of 2018, like the ones of Gerrard.', '', 'es')).toBe('Many fans came in September 2018, like those of Gerrard.');
    expect(polish('He met the president Erdogan.', '', 'es')).toBe('He met President Erdogan.');
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
    expect(guessUnknown('pocilgón')).toBe('pocilgon');
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
