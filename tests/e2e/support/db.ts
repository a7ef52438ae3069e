import fs from 'node:fs';
import pg from 'pg';

/** The address of the e2e database of the server on `baseURL`'s port (see serve.js). */
export function databaseUrl(baseURL = 'http://localhost:4173') {
	return fs.readFileSync(`tests/.tmp/e2e-database-url-${new URL(baseURL).port}`, 'utf8');
}

/** Runs `fn` with a client of the e2e database, closed afterwards. */
export async function withDatabase<T>(
	baseURL: string | undefined,
	fn: (client: pg.Client) => Promise<T>
): Promise<T> {
	const client = new pg.Client({ connectionString: databaseUrl(baseURL) });
	await client.connect();
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}

/** One query on the e2e database: its rows. */
export function query<T extends pg.QueryResultRow>(
	baseURL: string | undefined,
	text: string,
	values: unknown[] = []
): Promise<T[]> {
	return withDatabase(baseURL, async (client) => (await client.query<T>(text, values)).rows);
}
