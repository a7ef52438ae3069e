// `npm run seed`: fills an empty database with the first admin and the démarche's content.
// `npm run seed -- --reset`: empties every table first (stored files are left untouched).
import { parseArgs } from 'node:util';
import { count } from 'drizzle-orm';
import { BackupError, openForScript } from '../src/lib/server/backup/database';
import { runCli } from './cli';
import type { Ctx } from '../src/lib/server/context';
import { pages, spaces, structures, users } from '../src/lib/server/db/schema';
import { env } from '../src/lib/server/env';
import { resetDatabase, seedIfEmpty } from '../src/lib/server/seed/seed';

const USAGE = `Utilisation :
  npm run seed               remplit une base vide (compte administrateur, contenu de la démarche)
  npm run seed -- --reset    vide toutes les tables, puis les remplit de nouveau`;

async function rows(
	ctx: Ctx,
	table: typeof users | typeof structures | typeof spaces | typeof pages
) {
	const [r] = await ctx.db.select({ n: count() }).from(table);
	return r?.n ?? 0;
}

async function seed(ctx: Ctx, reset: boolean) {
	if (reset) {
		await resetDatabase(ctx);
		console.log('Toutes les tables ont été vidées.');
	} else if ((await rows(ctx, users)) > 0) {
		console.log(
			'La base contient déjà des comptes : rien à faire.\n' +
				'Pour tout effacer et repartir des données de départ : npm run seed -- --reset'
		);
		return;
	}
	await seedIfEmpty(ctx);
	const admin = ctx.env.ADMIN_PASSWORD
		? `${ctx.env.ADMIN_EMAIL} (mot de passe : celui d'ADMIN_PASSWORD)`
		: ctx.env.ADMIN_EMAIL;
	console.log(`Compte administrateur : ${admin}`);
	if (ctx.env.SEED_DEMO === 'true') {
		const people = await rows(ctx, users);
		const orgs = await rows(ctx, structures);
		const groups = await rows(ctx, spaces);
		const texts = await rows(ctx, pages);
		console.log(
			`Contenu de la démarche ajouté : ${orgs} structures, ${people - 1} personnes, ` +
				`${groups} espaces, ${texts} pages.`
		);
	} else {
		console.log('Contenu de la démarche non ajouté (SEED_DEMO=false).');
	}
}

function parse(args: string[]) {
	try {
		return parseArgs({
			args,
			options: { reset: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
			strict: true
		}).values;
	} catch {
		throw new BackupError(`Arguments invalides : ${args.join(' ')}\n\n${USAGE}`);
	}
}

async function main(args: string[]) {
	const options = parse(args);
	if (options.help) {
		console.log(USAGE);
		return;
	}
	const e = env();
	const database = await openForScript(e);
	try {
		await seed({ db: database.db, env: e }, options.reset ?? false);
	} finally {
		await database.close();
	}
}

await runCli(main);
