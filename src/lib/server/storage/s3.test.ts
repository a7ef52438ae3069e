import { describe, expect, it } from 'vitest';

import { EnvError, parseEnv } from '../env';
import { s3Settings } from './s3';

describe('S3 configuration', () => {
	it('is off without a bucket, and uploads default to 50 Mo', () => {
		const env = parseEnv({});
		expect(s3Settings(env)).toBeNull();
		expect(env.UPLOAD_MAX_MB).toBe(50);
		expect(env.S3_REGION).toBe('us-east-1');
	});

	it('reads a self-hosted server with path-style addresses by default', () => {
		const env = parseEnv({
			S3_BUCKET: 'chantiers-fichiers',
			S3_ENDPOINT: 'http://127.0.0.1:9000',
			S3_ACCESS_KEY_ID: 'id',
			S3_SECRET_ACCESS_KEY: 'secret'
		});
		expect(s3Settings(env)).toEqual({
			bucket: 'chantiers-fichiers',
			region: 'us-east-1',
			endpoint: 'http://127.0.0.1:9000',
			forcePathStyle: true,
			credentials: { accessKeyId: 'id', secretAccessKey: 'secret' }
		});
		expect(
			s3Settings(parseEnv({ S3_BUCKET: 'chantiers', S3_FORCE_PATH_STYLE: 'false' }))
		).toMatchObject({ endpoint: undefined, forcePathStyle: false, credentials: undefined });
	});

	it('names bad values in French', () => {
		let error: unknown;
		try {
			parseEnv({
				S3_BUCKET: 'Mon_Bucket',
				S3_ENDPOINT: 'ftp://x',
				S3_ACCESS_KEY_ID: 'id',
				S3_FORCE_PATH_STYLE: 'oui',
				UPLOAD_MAX_MB: '0'
			});
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(EnvError);
		const message = (error as Error).message;
		expect(message).toMatch(/S3_BUCKET: nom de bucket invalide/);
		expect(message).toMatch(/S3_ENDPOINT: doit être une adresse http:\/\/ ou https:\/\//);
		expect(message).toMatch(/S3_FORCE_PATH_STYLE: doit valoir true ou false/);
		expect(message).toMatch(/UPLOAD_MAX_MB: au moins 1/);
	});

	it('wants both keys or neither, and a bucket for an endpoint', () => {
		expect(() => parseEnv({ S3_BUCKET: 'chantiers', S3_ACCESS_KEY_ID: 'id' })).toThrow(
			/S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID et S3_SECRET_ACCESS_KEY vont ensemble/
		);
		expect(() => parseEnv({ S3_ENDPOINT: 'https://s3.example.org' })).toThrow(
			/S3_BUCKET: obligatoire/
		);
	});
});
