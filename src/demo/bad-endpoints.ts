/**
 * Misbehaving endpoints on El Diario del Sur's origin, for tests of the fetcher and feed reader:
 * each one is a failure real publishers produce.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import iconv from 'iconv-lite';
import { sendStatic, sendText } from './respond.js';
import { sectionPath, type Site } from './site.js';
import { templateOf } from './templates/index.js';

export const demoBadPaths = {
  /** An HTML page (text/html) where the feed used to be. */
  brokenFeed: '/broken-feed.xml',
  /** 404 with an HTML error page. */
  missingFeed: '/feed-404.xml',
  /** Accepts the request and never answers (the connection stays open until close()). */
  slow: '/slow',
  /** Streams 50 MB of HTML without Content-Length. */
  huge: '/huge',
  /** A windows-1252 article: no charset in Content-Type, only <meta charset="windows-1252">. */
  latin1: '/latin1.html',
  /** Redirects to /loop/again, which redirects back to /loop. */
  redirectLoop: '/loop',
  /** A page robots.txt disallows. */
  disallowed: '/privado/x.html',
  /** An index of teasers, no article. */
  sectionIndex: '/seccion/internacional',
} as const;

/** Size of the /huge response; 10× the default maxBodyBytes (5 MB) in src/config.ts. */
export const demoHugeBytes = 50 * 1024 * 1024;

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export function badRoutes(site: Site): Map<string, Handler> {
  const routes = new Map<string, Handler>();
  routes.set(demoBadPaths.brokenFeed, (req, res) =>
    sendStatic(req, res, {
      body: templateOf(site).index(site, site.outlet.name, site.articles),
      contentType: 'text/html; charset=utf-8',
      lastModified: site.builtAt,
    }),
  );
  routes.set(demoBadPaths.missingFeed, (_req, res) =>
    sendText(
      res,
      404,
      '<!DOCTYPE html><html lang="es"><head><title>Página no encontrada</title></head><body><h1>404</h1><p>La página que buscas no existe.</p></body></html>',
    ),
  );
  routes.set(demoBadPaths.slow, () => {
    // Deliberately nothing: the client must time out. close() destroys the socket.
  });
  routes.set(demoBadPaths.huge, streamHuge);
  routes.set(demoBadPaths.latin1, (req, res) =>
    sendStatic(req, res, {
      body: iconv.encode(latin1Page(), 'windows-1252'),
      contentType: 'text/html',
      lastModified: site.builtAt,
    }),
  );
  routes.set(demoBadPaths.redirectLoop, (_req, res) => res.writeHead(302, { Location: '/loop/again' }).end());
  routes.set('/loop/again', (_req, res) => res.writeHead(301, { Location: demoBadPaths.redirectLoop }).end());
  routes.set(demoBadPaths.disallowed, (req, res) =>
    sendStatic(req, res, {
      body: privatePage(site),
      contentType: 'text/html; charset=utf-8',
      lastModified: site.builtAt,
    }),
  );
  return routes;
}

/** Writes filler paragraphs until demoHugeBytes are sent, waiting for the socket to drain; stops when the client goes. */
function streamHuge(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  const chunk = Buffer.from(
    '<p>Relleno interminable de una página demasiado grande. '.padEnd(64 * 1024 - 5, 'x') + '</p>\n',
  );
  let sent = 0;
  const pump = (): void => {
    while (sent < demoHugeBytes && !res.destroyed) {
      const piece = sent + chunk.length <= demoHugeBytes ? chunk : chunk.subarray(0, demoHugeBytes - sent);
      sent += piece.length;
      if (!res.write(piece)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  res.on('close', () => res.removeListener('drain', pump));
  pump();
}

function privatePage(site: Site): string {
  return `<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>Zona privada | ${site.outlet.name}</title></head>
<body><h1>Zona privada</h1><p>Esta página está excluida por robots.txt y ningún rastreador educado debería pedirla.</p>
<p><a href="${sectionPath(site.outlet, 'internacional')}">Volver</a></p></body></html>`;
}

/** A page from an old CMS: windows-1252 bytes, curly quotes, euro sign and ñ all outside ASCII. */
function latin1Page(): string {
  return `<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="windows-1252">
<title>La vendimia de la Ribera se adelanta por el calor | El Diario del Sur</title>
<meta property="og:title" content="La vendimia de la Ribera se adelanta por el calor">
</head>
<body>
<div id="cabecera"><a href="/">El Diario del Sur</a> – Hemeroteca</div>
<div id="noticia">
<h1>La vendimia de la Ribera se adelanta por el calor</h1>
<p class="firma">Por Ana García — <span class="fecha">Archivo</span></p>
<p>Los viticultores de la Ribera comenzaron la vendimia casi dos semanas antes de lo habitual. “Nunca habíamos empezado tan pronto”, reconoce Begoña Ibáñez, que cultiva doce hectáreas de tempranillo junto al río.</p>
<p>El precio de la uva se mantiene en torno a 0,80 € por kilo, aunque las bodegas pequeñas temen que el año próximo la señal de alarma llegue antes: la cosecha es corta y la añada, según los enólogos, “excelente pero escasa”.</p>
<p>Los ayuntamientos de la comarca han reforzado el servicio de autobuses para los temporeros y han habilitado albergues en tres municipios. La campaña durará, previsiblemente, hasta mediados de octubre.</p>
<p>El consejo regulador calcula que se recogerán unos 90 millones de kilos, un 15 % menos que el año pasado, y pide paciencia a los consumidores: los vinos jóvenes llegarán a las tiendas en primavera.</p>
</div>
<div id="pie">© El Diario del Sur – Hemeroteca</div>
</body>
</html>
`;
}
