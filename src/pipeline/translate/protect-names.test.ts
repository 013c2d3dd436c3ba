import { describe, it, expect } from 'vitest';
import { deNamesOf, distinctNames, extendToKnownNames, findNames } from './protect-names.js';

describe('findNames', () => {
  it('finds people in running text', () => {
    const text = 'Ayer, Vladímir Putin se reunió con Isabel Díaz Ayuso y Ursula von der Leyen.';
    expect(findNames(text).map((s) => s.name)).toEqual(['Vladímir Putin', 'Isabel Díaz Ayuso', 'Ursula von der Leyen']);
  });

  it('gives spans that point at the name', () => {
    const text = 'Dijo Pedro Sánchez.';
    const [span] = findNames(text);
    expect(text.slice(span!.start, span!.end)).toBe('Pedro Sánchez');
  });

  it('leaves institutions and titles to the translator', () => {
    expect(findNames('La Casa Blanca y la Unión Europea hablaron con el Primer Ministro.')).toEqual([]);
  });

  it('keeps names that end in a common word whole, but leaves countries with compass words alone', () => {
    const text = 'Pilar del Río y Daniel Funes leen el Diario del Sur en Corea del Sur y la Ciudad del Cabo.';
    expect(findNames(text).map((s) => s.name)).toEqual([
      'Pilar del Río',
      'Daniel Funes',
      'Diario del Sur',
      'Ciudad del Cabo', // from the gazetteer (Cape Town)
    ]);
    expect(findNames('La marca Goop de Gwyneth Paltrow').map((s) => s.name)).toEqual(['Gwyneth Paltrow']);
    // The landscape word must end the run: "Villa del Mar Azul" is no "Villa del Mar".
    expect(findNames('en la Villa del Mar Azul').map((s) => s.name)).not.toContain('Villa del Mar');
    expect(findNames('en el Great Lawn del Central Park').map((s) => s.name)).not.toContain('Great Lawn del Central');
  });

  it('extends a cut name over "de Y" when the text holds that name elsewhere', () => {
    const text = 'Lo dijo Daniel Funes de Rioja en Madrid.';
    const spans = findNames(text);
    expect(spans.map((s) => s.name)).toEqual(['Daniel Funes']);
    const known = new Set(deNamesOf(findNames('Ayer habló Funes de Rioja.')));
    expect([...known]).toEqual(['Funes de Rioja']);
    expect(extendToKnownNames(text, spans, known).map((s) => s.name)).toEqual(['Daniel Funes de Rioja']);
    expect(
      extendToKnownNames(
        'dijo Juan Carlos Varela de Panamá',
        findNames('dijo Juan Carlos Varela de Panamá'),
        known,
      ).map((s) => s.name),
    ).toEqual(['Juan Carlos Varela']);
  });

  it('drops the sentence opener and a particle after it', () => {
    expect(findNames('Selon le West Virginia Metro News, il pleut.').map((s) => s.name)).toEqual([
      'West Virginia Metro News',
    ]);
  });

  it('drops the sentence opener from a longer run', () => {
    expect(findNames('Ayer Pedro Sánchez habló.').map((s) => s.name)).toEqual(['Pedro Sánchez']);
  });

  it('lists each name once', () => {
    expect(distinctNames(findNames('Pedro Sánchez y Pedro Sánchez'))).toEqual(['Pedro Sánchez']);
  });
});

describe('findNames on runs with titles, institutions and "de"', () => {
  it('cuts at titles, leaves institutions whole to the translator, splits "X de Y Z"', () => {
    expect(findNames('El Reverendo John Howard Johnson habló.').map((s) => s.name)).toEqual(['John Howard Johnson']);
    expect(findNames('Un miembro del Partido Conservador de Gales.')).toEqual([]);
    expect(findNames('la marca Goop de Gwyneth Paltrow').map((s) => s.name)).toEqual(['Gwyneth Paltrow']);
    expect(findNames('según Luis de Guindos').map((s) => s.name)).toEqual(['Luis de Guindos']);
    expect(findNames('Algunos Miembros de la Asamblea')).toEqual([]);
    expect(findNames('los Juegos Asiáticos y la Gestión de Catástrofes')).toEqual([]);
    expect(findNames('dijo Evo Morales').map((s) => s.name)).toEqual(['Evo Morales']);
  });
});
