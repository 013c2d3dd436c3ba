// A web process for handoff.integration.test.ts: answers every request with its pid, on the
// connections its parent hands over, and says when it is ready.
import { createServer } from 'node:http';
import { takeHandedConnections } from '../handoff.js';

const server = createServer((_req, res) => res.end(String(process.pid)));
takeHandedConnections(server);
process.send?.('ready');
