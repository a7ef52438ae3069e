// Serves the built app on a fresh database of the PostgreSQL server given by
// TEST_DATABASE_URL (default: CI's 127.0.0.1:5432/test). Falls back to the embedded default.
import fs from 'node:fs';
import pg from 'pg';

const E2E_DB = `chantiers_e2e_${process.env.PORT}`;
const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

fs.mkdirSync('tests/.tmp', { recursive: true });
// Stored files (logos…) go to a folder of this run, whichever database is used.
process.env.DATA_DIR = `tests/.tmp/e2e-main-${process.env.PORT}`;
fs.rmSync(process.env.DATA_DIR, { recursive: true, force: true });
fs.rmSync(`tests/.tmp/e2e-database-url-${process.env.PORT}`, { force: true });

try {
	const admin = new pg.Client({ connectionString: base, connectionTimeoutMillis: 3000 });
	await admin.connect();
	await admin.query(`drop database if exists ${E2E_DB} with (force)`);
	await admin.query(`create database ${E2E_DB}`);
	await admin.end();
	const url = new URL(base);
	url.pathname = `/${E2E_DB}`;
	process.env.DATABASE_URL = url.toString();
	fs.writeFileSync(`tests/.tmp/e2e-database-url-${process.env.PORT}`, process.env.DATABASE_URL);
} catch {
	console.log('No PostgreSQL server answered: using the embedded one.');
}

await import('../../../scripts/server.js');
