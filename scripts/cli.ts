// Shared ending of the command-line scripts: read .env, run, print French errors, exit code 1.
import fs from 'node:fs';
import { BackupError, rootError } from '../src/lib/server/backup/database';
import { EnvError } from '../src/lib/server/env';

export async function runCli(main: (args: string[]) => Promise<void>) {
	if (fs.existsSync('.env')) process.loadEnvFile('.env');
	try {
		await main(process.argv.slice(2));
	} catch (e) {
		if (e instanceof BackupError || e instanceof EnvError) {
			console.error(`Erreur : ${e.message}`);
		} else {
			console.error(`Erreur inattendue : ${rootError(e).message}`);
		}
		process.exitCode = 1;
	}
}
