/** Every demo outlet, in the order their origins are listed. El Diario del Sur comes first: it carries the bad endpoints. */
import { courrierDuMatin } from './courrier-du-matin.js';
import { diarioDelSur } from './diario-del-sur.js';
import { eveningLedger } from './evening-ledger.js';
import { gacetaDelNorte } from './gaceta-del-norte.js';
import { jornalDaTarde } from './jornal-da-tarde.js';
import { morgenpostRundschau } from './morgenpost-rundschau.js';
import type { DemoOutlet } from './types.js';

export const demoOutlets: readonly DemoOutlet[] = [
  diarioDelSur,
  gacetaDelNorte,
  courrierDuMatin,
  morgenpostRundschau,
  jornalDaTarde,
  eveningLedger,
];
