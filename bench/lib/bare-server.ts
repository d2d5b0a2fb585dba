import Fastify from 'fastify';
import { exitOnStartFailure, serveUntilStopped } from './serve.js';

// The baseline: the Fastify that Hearth uses, logger off, one JSON route and nothing else.
const app = Fastify({ logger: false });
app.get('/bare', async () => ({ ok: true }));
serveUntilStopped(app).catch(exitOnStartFailure);
