// Administration from the command line: `npm run admin -- <command>` (see USAGE).
// Opens the same database as `npm start` (embedded PostgreSQL in DATA_DIR unless DATABASE_URL).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { normalizeEmail, passwordProblem, roleLabels } from '../src/lib/modules/accounts/rules';
import { createBackup, restoreBackup } from '../src/lib/server/backup/backup';
import { BackupError, openForScript, rootError } from '../src/lib/server/backup/database';
import type { Ctx } from '../src/lib/server/context';
import { users } from '../src/lib/server/db/schema';
import { env, EnvError } from '../src/lib/server/env';
import { createAdmin } from '../src/lib/server/seed/seed';

const USAGE = `Utilisation :
  npm run admin -- create-admin --email <adresse> [--password <mot de passe>]
      Crée un compte administrateur, ou donne ce rôle et ce mot de passe à un compte existant.
      Sans --password, un mot de passe est généré et affiché une seule fois.
  npm run admin -- backup [--out <fichier.tar.gz>]
      Sauvegarde la base et les fichiers déposés (par défaut dans ./sauvegardes/).
  npm run admin -- restore <archive.tar.gz>
      Restaure une sauvegarde dans une installation neuve (base vide).

Avec la base embarquée (sans DATABASE_URL), arrêtez d'abord l'application.`;

/** A mistake in the command line: the message, then the usage. */
class UsageError extends Error {}

const OPTIONS = {
	email: { type: 'string' },
	password: { type: 'string' },
	out: { type: 'string', short: 'o' },
	help: { type: 'boolean', short: 'h' }
} as const;

const ALLOWED: Record<string, string[]> = {
	'create-admin': ['email', 'password'],
	backup: ['out'],
	restore: []
};

function parse(args: string[]) {
	try {
		return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
	} catch (e) {
		const name = /'([^']+)'/.exec((e as Error).message)?.[1] ?? '';
		const code = (e as { code?: string }).code;
		if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
			throw new UsageError(`L'option ${name} attend une valeur.`);
		}
		throw new UsageError(`Option inconnue : ${name || (e as Error).message}`);
	}
}

function timestamp(d = new Date()) {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

function size(bytes: number) {
	const f = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
	if (bytes < 1024) return `${bytes} octets`;
	if (bytes < 1024 ** 2) return `${f.format(bytes / 1024)} Ko`;
	if (bytes < 1024 ** 3) return `${f.format(bytes / 1024 ** 2)} Mo`;
	return `${f.format(bytes / 1024 ** 3)} Go`;
}

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

async function withDatabase<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T> {
	const e = env();
	const database = await openForScript(e);
	try {
		return await fn({ db: database.db, env: e });
	} finally {
		await database.close();
	}
}

async function createAdminCommand(email?: string, password?: string) {
	if (!email) throw new UsageError('Indiquez l’adresse du compte : --email <adresse>.');
	const address = normalizeEmail(email);
	if (!z.email().safeParse(address).success) {
		throw new BackupError(`Adresse email invalide : ${email}`);
	}
	if (password !== undefined) {
		const problem = passwordProblem(password, address);
		if (problem) throw new BackupError(problem);
	}
	await withDatabase(async (ctx) => {
		const [before] = await ctx.db
			.select({ role: users.role })
			.from(users)
			.where(eq(users.email, address));
		await createAdmin(ctx, console.log, address, password);
		if (!before) {
			console.log(`Compte administrateur créé : ${address}`);
		} else {
			console.log(
				`Compte existant ${address} : rôle administrateur (auparavant : ${roleLabels[before.role]}), ` +
					`compte actif, mot de passe remplacé.`
			);
		}
	});
}

async function backupCommand(out?: string) {
	const file = path.resolve(out ?? path.join('sauvegardes', `chantiers-${timestamp()}.tar.gz`));
	if (fs.existsSync(file)) {
		throw new BackupError(`Le fichier ${file} existe déjà : choisissez un autre nom (--out).`);
	}
	const manifest = await withDatabase((ctx) => createBackup(ctx, ctx.env.dataDir, file));
	const tables = Object.values(manifest.tables);
	const rows = tables.reduce((sum, t) => sum + t.rows, 0);
	console.log(`Sauvegarde écrite : ${file} (${size(fs.statSync(file).size)})`);
	console.log(
		`  ${plural(tables.length, 'table')}, ${plural(rows, 'ligne')}, ${plural(manifest.files, 'fichier')} déposé(s).`
	);
}

async function restoreCommand(archive?: string) {
	if (!archive) throw new UsageError('Indiquez l’archive à restaurer : restore <archive.tar.gz>.');
	const file = path.resolve(archive);
	if (!fs.existsSync(file)) throw new BackupError(`Archive introuvable : ${file}`);
	// The migrations are applied when the database opens, but nothing is seeded: the restore
	// needs every table empty.
	const result = await withDatabase((ctx) => restoreBackup(ctx, ctx.env.dataDir, file));
	const { manifest } = result;
	const tables = Object.values(manifest.tables);
	const rows = tables.reduce((sum, t) => sum + t.rows, 0);
	const date = new Date(manifest.createdAt).toLocaleString('fr-FR');
	console.log(`Restauration terminée depuis ${file} (sauvegarde du ${date}).`);
	console.log(
		`  ${plural(tables.length, 'table')}, ${plural(rows, 'ligne')}, ${plural(manifest.files, 'fichier')} déposé(s).`
	);
	if (result.previousFiles) {
		console.log(`  Les fichiers déjà présents ont été mis de côté dans ${result.previousFiles}.`);
	}
}

async function main(args: string[]) {
	const { values, positionals } = parse(args);
	const [command, ...rest] = positionals;
	if (values.help) {
		console.log(USAGE);
		return;
	}
	if (!command) throw new UsageError('Indiquez une commande.');
	const allowed = ALLOWED[command];
	if (!allowed) throw new UsageError(`Commande inconnue : ${command}`);
	const extra = Object.keys(values).filter((k) => !allowed.includes(k));
	if (extra.length > 0) throw new UsageError(`Option non prévue pour ${command} : --${extra[0]}`);
	const maxPositionals = command === 'restore' ? 1 : 0;
	if (rest.length > maxPositionals) {
		throw new UsageError(`Argument en trop : ${rest[maxPositionals]}`);
	}

	if (command === 'create-admin') await createAdminCommand(values.email, values.password);
	else if (command === 'backup') await backupCommand(values.out);
	else await restoreCommand(rest[0]);
}

if (fs.existsSync('.env')) process.loadEnvFile('.env');
try {
	await main(process.argv.slice(2));
} catch (e) {
	if (e instanceof UsageError) {
		console.error(`Erreur : ${e.message}\n\n${USAGE}`);
	} else if (e instanceof BackupError || e instanceof EnvError) {
		console.error(`Erreur : ${e.message}`);
	} else {
		const cause = rootError(e);
		console.error(`Erreur inattendue : ${cause.message}`);
		if (process.env.LOG_LEVEL === 'debug') console.error(cause.stack);
	}
	process.exitCode = 1;
}
