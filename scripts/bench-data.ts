// `npm run bench:data -- --structures 10000`: inserts N published example fiches ("Essai – …")
// into the configured database (embedded PostgreSQL in DATA_DIR unless DATABASE_URL), for the
// benchmarks. Loads the geography and the reference lists first when they are missing.
import { parseArgs } from 'node:util';
import { count } from 'drizzle-orm';
import { BackupError, openForScript } from '../src/lib/server/backup/database';
import { runCli } from './cli';
import { cartoFiches } from '../src/lib/server/db/schema';
import { env } from '../src/lib/server/env';
import { ensureGeography } from '../src/lib/modules/geo/load.server';
import { ensureReferenceLists } from '../src/lib/modules/cartographie/reference.server';
import { insertExampleFiches } from '../src/lib/modules/cartographie/examples.server';

const USAGE = `Utilisation :
  npm run bench:data -- --structures <nombre> [--revisions]
      Ajoute <nombre> fiches d'exemple publiées (« Essai – … ») pour les bancs d'essai.
      Avec --revisions, chaque fiche reçoit aussi sa révision (plus lent).

Avec la base embarquée (sans DATABASE_URL), arrêtez d'abord l'application.`;

function parse(args: string[]) {
	let values;
	try {
		values = parseArgs({
			args,
			options: {
				structures: { type: 'string', short: 'n' },
				revisions: { type: 'boolean' },
				help: { type: 'boolean', short: 'h' }
			},
			strict: true
		}).values;
	} catch {
		throw new BackupError(`Arguments invalides : ${args.join(' ')}\n\n${USAGE}`);
	}
	const structures = Number(values.structures ?? '10000');
	if (!Number.isInteger(structures) || structures < 1 || structures > 1_000_000) {
		throw new BackupError(`--structures attend un nombre entier entre 1 et 1 000 000.\n\n${USAGE}`);
	}
	return { structures, revisions: values.revisions ?? false, help: values.help ?? false };
}

const seconds = (ms: number) =>
	`${(ms / 1000).toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
const number = (n: number) => n.toLocaleString('fr-FR');

async function main(args: string[]) {
	const options = parse(args);
	if (options.help) {
		console.log(USAGE);
		return;
	}
	const e = env();
	const database = await openForScript(e);
	try {
		const ctx = { db: database.db, env: e };
		let start = performance.now();
		await ensureGeography(ctx);
		await ensureReferenceLists(ctx);
		console.log(
			`Géographie et listes de référence prêtes (${seconds(performance.now() - start)}).`
		);
		start = performance.now();
		const inserted = await insertExampleFiches(ctx, options.structures, {
			prefix: 'Essai – ',
			status: 'publiee',
			seed: 1,
			revisions: options.revisions,
			progress: (done) =>
				process.stdout.write(`\r  ${number(done)} / ${number(options.structures)}`)
		});
		process.stdout.write('\n');
		const elapsed = performance.now() - start;
		if (inserted === 0) {
			throw new BackupError(
				"Aucune commune avec un point dans la géographie : rien n'a été ajouté."
			);
		}
		const [{ n } = { n: 0 }] = await ctx.db.select({ n: count() }).from(cartoFiches);
		console.log(
			`${number(inserted)} fiches publiées ajoutées en ${seconds(elapsed)} ` +
				`(${number(Math.round(inserted / (elapsed / 1000)))} fiches par seconde).\n` +
				`La cartographie compte maintenant ${number(n)} fiches.`
		);
	} finally {
		await database.close();
	}
}

await runCli(main);
