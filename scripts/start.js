// Starts the built platform (building it first if needed) on the embedded defaults.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

if (fs.existsSync('.env')) process.loadEnvFile('.env');
if (!fs.existsSync('build/index.js')) {
	console.log('Construction de l’application…');
	execSync('vite build', { stdio: 'inherit' });
}
process.env.PORT ??= '3000';
// Form posts are checked against ORIGIN (cross-site request protection).
process.env.ORIGIN ??= process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT}`;
process.env.BODY_SIZE_LIMIT ??= '10M';
await import('../build/index.js');
console.log(`Chantiers est prêt sur ${process.env.ORIGIN}`);
