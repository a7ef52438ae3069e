import path from 'node:path';
import { z } from 'zod';

/** Every variable the platform reads, validated once. See .env.example. */
const schema = z
	.object({
		DATABASE_URL: z
			.string()
			.regex(/^postgres(ql)?:\/\//, 'doit commencer par postgres:// ou postgresql://')
			.optional(),
		DATA_DIR: z.string().min(1).default('./data'),
		PORT: z.coerce.number().int().min(1).max(65535).default(3000),
		ORIGIN: z.url().optional(),
		PUBLIC_BASE_URL: z.url().optional(),
		SMTP_URL: z
			.string()
			.regex(/^smtps?:\/\//, 'doit commencer par smtp:// ou smtps://')
			.optional(),
		MAIL_FROM: z
			.string()
			.min(3)
			.default('Chantiers coopératifs <ne-pas-repondre@chantiers.example.org>'),
		ADMIN_EMAIL: z.email().default('admin@example.org'),
		ADMIN_PASSWORD: z.string().min(12, 'au moins 12 caractères').optional(),
		SEED_DEMO: z.enum(['true', 'false']).default('true'),
		SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
		/** Optional raster tiles under the map's offline outlines, {z}/{x}/{y} template. */
		MAP_TILE_URL: z
			.string()
			.regex(
				/^https:\/\/[^\s]+\{z\}[^\s]*\{x\}[^\s]*\{y\}/,
				'doit être une adresse https:// contenant {z}, {x} et {y}'
			)
			.optional(),
		MAP_TILE_ATTRIBUTION: z.string().max(300).optional(),
		LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
		/** Largest uploaded file (resources), in megabytes (MiB). */
		UPLOAD_MAX_MB: z.coerce
			.number()
			.int('doit être un nombre entier de mégaoctets')
			.min(1, 'au moins 1')
			.max(2048, 'au plus 2048')
			.default(50),
		/** S3-compatible storage of uploaded files; local files under DATA_DIR when unset. */
		S3_BUCKET: z
			.string()
			.regex(
				/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
				'nom de bucket invalide (3 à 63 caractères : minuscules, chiffres, points, tirets)'
			)
			.optional(),
		S3_ENDPOINT: z
			.string()
			.regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'doit être une adresse http:// ou https://')
			.optional(),
		S3_REGION: z
			.string()
			.regex(/^[a-z0-9-]{1,50}$/, 'région invalide (minuscules, chiffres et tirets)')
			.default('us-east-1'),
		S3_ACCESS_KEY_ID: z.string().min(1).optional(),
		S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
		S3_FORCE_PATH_STYLE: z.enum(['true', 'false'], 'doit valoir true ou false').optional()
	})
	.superRefine((env, issues) => {
		if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
			issues.addIssue({
				code: 'custom',
				path: [env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'],
				message: 'S3_ACCESS_KEY_ID et S3_SECRET_ACCESS_KEY vont ensemble'
			});
		}
		if (!env.S3_BUCKET && (env.S3_ENDPOINT || env.S3_ACCESS_KEY_ID)) {
			issues.addIssue({
				code: 'custom',
				path: ['S3_BUCKET'],
				message: 'obligatoire quand S3_ENDPOINT ou S3_ACCESS_KEY_ID est défini'
			});
		}
	});

export type Env = z.infer<typeof schema> & {
	dataDir: string;
	baseUrl: string;
	secureCookies: boolean;
};

export class EnvError extends Error {}

/** Parses an environment; throws an EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
	const cleaned = Object.fromEntries(
		Object.entries(source).filter(([, v]) => v !== undefined && v !== '')
	);
	const result = schema.safeParse(cleaned);
	if (!result.success) {
		const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new EnvError(`Configuration invalide :\n${lines.join('\n')}`);
	}
	const env = result.data;
	const baseUrl = (env.PUBLIC_BASE_URL ?? env.ORIGIN ?? `http://localhost:${env.PORT}`).replace(
		/\/$/,
		''
	);
	return {
		...env,
		dataDir: path.resolve(env.DATA_DIR),
		baseUrl,
		secureCookies: (env.ORIGIN ?? baseUrl).startsWith('https://')
	};
}

let cached: Env | undefined;

export function env(): Env {
	cached ??= parseEnv(process.env);
	return cached;
}

/** For tests that change the environment between cases. */
export function resetEnvCache() {
	cached = undefined;
}
