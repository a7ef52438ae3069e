import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('configuration', () => {
	it('runs on safe defaults with nothing set', () => {
		const env = parseEnv({});
		expect(env.PORT).toBe(3000);
		expect(env.DATABASE_URL).toBeUndefined();
		expect(env.baseUrl).toBe('http://localhost:3000');
		expect(env.secureCookies).toBe(false);
		expect(env.SEED_DEMO).toBe('true');
	});

	it('names every bad variable in French', () => {
		let error: unknown;
		try {
			parseEnv({ PORT: 'trois mille', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail' });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(EnvError);
		const message = (error as Error).message;
		expect(message).toContain('Configuration invalide');
		expect(message).toMatch(/PORT/);
		expect(message).toMatch(/DATABASE_URL: doit commencer par postgres:\/\//);
		expect(message).toMatch(/SMTP_URL: doit commencer par smtp:\/\//);
	});

	it('treats empty values as unset and secures cookies behind HTTPS', () => {
		const env = parseEnv({
			DATABASE_URL: '',
			ORIGIN: 'https://chantiers.example.org',
			PUBLIC_BASE_URL: ''
		});
		expect(env.DATABASE_URL).toBeUndefined();
		expect(env.baseUrl).toBe('https://chantiers.example.org');
		expect(env.secureCookies).toBe(true);
	});

	it('refuses a short admin password', () => {
		expect(() => parseEnv({ ADMIN_PASSWORD: 'court' })).toThrow(
			/ADMIN_PASSWORD: au moins 12 caractères/
		);
	});

	it('accepts an https tile URL template and refuses anything else', () => {
		const url = 'https://tile.example.org/{z}/{x}/{y}.png';
		expect(parseEnv({ MAP_TILE_URL: url }).MAP_TILE_URL).toBe(url);
		expect(() => parseEnv({ MAP_TILE_URL: 'http://tile.example.org/{z}/{x}/{y}.png' })).toThrow(
			/MAP_TILE_URL: doit être une adresse https:\/\/ contenant \{z\}, \{x\} et \{y\}/
		);
	});
});
