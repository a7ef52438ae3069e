// Starts the built platform (building it first if needed) on the embedded defaults.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

if (fs.existsSync('.env')) process.loadEnvFile('.env');
if (!fs.existsSync('build/handler.js')) {
	console.log('Construction de l’application…');
	execSync('vite build', { stdio: 'inherit' });
}
await import('./server.js');
