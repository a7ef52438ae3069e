// Starts the embedded PostgreSQL, commits one row, says "ready" and waits to be killed.
import pg from 'pg';
import { startEmbedded } from '../../src/lib/server/db/embedded';

const server = await startEmbedded({ dataDir: process.argv[2]!, log: () => undefined });
const client = new pg.Client({ connectionString: server.url });
await client.connect();
await client.query('create table if not exists survivors (name text)');
await client.query("insert into survivors values ('avant le kill -9')");
await client.end();
console.log('ready');
setInterval(() => undefined, 1000);
