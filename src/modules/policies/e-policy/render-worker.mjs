// Entry point of the e-policy render worker (render-in-worker.ts): the sources are TypeScript, run
// through tsx's loader as bin/besttrav.mjs does, so the worker starts the same way under the server,
// the CLI and the tests.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker-body.ts');
