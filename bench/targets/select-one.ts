// Baseline: the same bare route doing `select 1` through the project's database module, so the
// database round trip of the real scenarios can be told apart from the app's own work.
import Fastify from 'fastify';
import { loadConfig } from '../../src/config/load-config.ts';
import { openDatabase } from '../../src/db/open-database.ts';

const config = loadConfig();
const database = await openDatabase(config.database);
const app = Fastify({ logger: false });
app.get('/', async () => (await database.query('select 1 as one'))[0]);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('ready');
