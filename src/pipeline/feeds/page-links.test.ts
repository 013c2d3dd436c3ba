import { describe, expect, it } from 'vitest';
import { articleLinks } from './page-links.js';

const section = `<!doctype html><html><body>
<nav><a href="/">Portada</a> <a href="/internacional">Internacional</a> <a href="/tema/kremlin">Kremlin</a></nav>
<main>
  <article><h2><a href="/internacional/2026/11/20/cumbre-de-lideres-en-hanoi.html">Los líderes asiáticos cierran la cumbre de Hanói con un acuerdo</a></h2></article>
  <article><h2><a href="https://www.diario.example/economia/el-precio-del-gas-baja-por-tercera-semana">El precio del gas baja por tercera semana consecutiva</a></h2></article>
  <article><h2><a href="/economia/el-precio-del-gas-baja-por-tercera-semana#comentarios">El precio del gas baja (comentarios y opiniones)</a></h2></article>
  <a href="https://otro.example/2026/11/20/noticia-ajena-de-otro-medio">Una noticia de otro medio que no es de esta fuente</a>
  <a href="/internacional/2026/11/20/cumbre-de-lideres-en-hanoi.html">Leer más</a>
  <a href="javascript:alert(1)">Un enlace hostil con un texto muy largo de titular</a>
</main></body></html>`;

describe('articleLinks', () => {
  it('keeps same-site story links with headline text, once each', () => {
    expect(articleLinks(section, 'https://diario.example/internacional')).toEqual([
      'https://diario.example/internacional/2026/11/20/cumbre-de-lideres-en-hanoi.html',
      'https://www.diario.example/economia/el-precio-del-gas-baja-por-tercera-semana',
      'https://diario.example/economia/el-precio-del-gas-baja-por-tercera-semana',
    ]);
  });
});
