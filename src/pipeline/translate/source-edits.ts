/**
 * Spanish source edits before Apertium sees the text. Spanish marks an animate direct object with
 * "a" ("atacó a un niño", "recibe al presidente"); Apertium renders it "to" ("attacked to a boy").
 * Before a noun for a person, the "a" goes when the word before it can be a verb that takes a
 * direct object (the same test as for protected names: personal-a.ts takesPersonalA). "Viajó a la
 * ciudad" keeps "to": "ciudad" is no person.
 */
import { takesPersonalA } from './personal-a.js';

// Nouns for people (and groups of people) frequent in news, written from general knowledge of Spanish.
const personNouns = new Set(
  (
    'niño niña niños niñas hombre hombres mujer mujeres persona personas gente chico chica chicos chicas joven jóvenes bebé ' +
    'presidente presidenta presidentes ministro ministra ministros primer líder líderes dirigente dirigentes rey reina príncipe papa ' +
    'jugador jugadores jugadora entrenador capitán portero rival rivales aficionados seguidores hinchas compañero compañeros compañera ' +
    'víctima víctimas familia familias hijo hija hijos hijas madre padre padres esposa esposo marido mujer novia novio hermano hermana hermanos abuelo abuela ' +
    'amigo amiga amigos amigas vecino vecinos vecina ciudadanos votantes electores trabajadores empleados empleado periodista periodistas ' +
    'paciente pacientes estudiantes alumnos alumno profesor profesora profesores médico médicos enfermera enfermeras ' +
    'candidato candidata candidatos juez jueza jueces fiscal abogado abogada abogados senador senadora senadores diputado diputada diputados ' +
    'soldado soldados agente agentes policías sospechoso sospechosos sospechosa detenido detenidos testigo testigos rehenes ' +
    'cliente clientes usuario usuarios residentes inmigrantes migrantes refugiados menor menores ancianos director directora jefe jefa ' +
    'empresario empresaria funcionario funcionarios funcionaria portavoz autor autora actor actriz cantante artista artistas asesor asesora ' +
    'acusado acusada acusados miembro miembros militantes manifestantes opositores rebeldes terroristas atacante asesino conductor'
  ).split(' '),
);

const determiner = String.raw`(?:el|la|los|las|un|una|unos|unas|su|sus|este|esta|estos|estas|ese|esa|esos|esas|aquel|aquella|mi|mis|tu|tus|nuestro|nuestra|nuestros|nuestras|otro|otra|otros|otras|todos|todas|varios|varias|muchos|muchas|dos|tres)`;
const personalA = new RegExp(String.raw`(^|[^\p{L}])(\p{L}+)(\s+)(a|al)\s+((?:${determiner}\s+)?)(\p{L}+)`, 'gu');

/** "atacó a un niño" → "atacó un niño"; "recibió al ministro" → "recibió el ministro". */
export function dropAnimateA(text: string): string {
  return text.replace(
    personalA,
    (all, before: string, verb: string, space: string, a: string, det: string, noun: string) => {
      if (!personNouns.has(noun.toLowerCase()) || !takesPersonalA(verb)) return all;
      if (a === 'al') return `${before}${verb}${space}el ${det}${noun}`;
      return `${before}${verb}${space}${det}${noun}`;
    },
  );
}
