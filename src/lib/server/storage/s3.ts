import { Readable } from 'node:stream';

import type { S3Client } from '@aws-sdk/client-s3';

import {
	assertValidKey,
	FileTooLargeError,
	limitBytes,
	type ByteSource,
	type FileStore,
	type StoredFile
} from './store';

/** The variables of an S3-compatible storage, as env.ts validates them. */
export interface S3Settings {
	S3_BUCKET?: string;
	S3_ENDPOINT?: string;
	S3_REGION?: string;
	S3_ACCESS_KEY_ID?: string;
	S3_SECRET_ACCESS_KEY?: string;
	S3_FORCE_PATH_STYLE?: 'true' | 'false';
}

export interface S3Options {
	bucket: string;
	region: string;
	endpoint?: string;
	forcePathStyle: boolean;
	credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** The S3 storage the environment asks for; null when S3_BUCKET is unset (local files). */
export function s3Settings(env: S3Settings): S3Options | null {
	if (!env.S3_BUCKET) return null;
	return {
		bucket: env.S3_BUCKET,
		region: env.S3_REGION || 'us-east-1',
		endpoint: env.S3_ENDPOINT || undefined,
		// Self-hosted servers (MinIO, Garage, s3rver) rarely have per-bucket host names.
		forcePathStyle: env.S3_FORCE_PATH_STYLE
			? env.S3_FORCE_PATH_STYLE === 'true'
			: Boolean(env.S3_ENDPOINT),
		credentials:
			env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
				? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
				: undefined
	};
}

/** Multipart parts of 5 MiB (S3's smallest), one at a time: memory stays near one part. */
const PART_SIZE = 5 * 1024 * 1024;

const isNotFound = (err: unknown) =>
	err instanceof Error &&
	(err.name === 'NoSuchKey' ||
		err.name === 'NotFound' ||
		(err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404);

/** Objects of one bucket of an S3-compatible storage, keyed as in the local store. */
export class S3FileStore implements FileStore {
	readonly options: S3Options;
	#client: Promise<S3Client> | undefined;

	constructor(options: S3Options) {
		this.options = options;
	}

	/** The SDK is loaded on first use, so a platform on local files never pays for it. */
	client(): Promise<S3Client> {
		this.#client ??= import('@aws-sdk/client-s3').then(
			({ S3Client }) =>
				new S3Client({
					region: this.options.region,
					endpoint: this.options.endpoint,
					forcePathStyle: this.options.forcePathStyle,
					credentials: this.options.credentials,
					// Checksums only where S3 requires them: many compatible servers refuse the others.
					requestChecksumCalculation: 'WHEN_REQUIRED',
					responseChecksumValidation: 'WHEN_REQUIRED'
				})
		);
		return this.#client;
	}

	async put(key: string, bytes: Uint8Array): Promise<void> {
		assertValidKey(key);
		const { PutObjectCommand } = await import('@aws-sdk/client-s3');
		const client = await this.client();
		await client.send(
			new PutObjectCommand({
				Bucket: this.options.bucket,
				Key: key,
				Body: bytes,
				ContentLength: bytes.byteLength
			})
		);
	}

	async write(
		key: string,
		source: ByteSource,
		opts: { maxBytes?: number } = {}
	): Promise<{ size: number }> {
		assertValidKey(key);
		const { Upload } = await import('@aws-sdk/lib-storage');
		const counter = { size: 0 };
		let tooLarge: FileTooLargeError | undefined;
		const body = Readable.from(
			(async function* () {
				try {
					yield* limitBytes(source, opts.maxBytes, counter);
				} catch (err) {
					if (err instanceof FileTooLargeError) tooLarge = err;
					throw err;
				}
			})(),
			{ objectMode: false }
		);
		// A failed upload aborts its multipart upload (leavePartsOnError false): no object, no parts.
		const upload = new Upload({
			client: await this.client(),
			params: { Bucket: this.options.bucket, Key: key, Body: body },
			partSize: PART_SIZE,
			queueSize: 1,
			leavePartsOnError: false
		});
		try {
			await upload.done();
		} catch (err) {
			body.destroy();
			throw tooLarge ?? err;
		}
		return { size: counter.size };
	}

	async read(key: string): Promise<StoredFile | null> {
		assertValidKey(key);
		const { GetObjectCommand } = await import('@aws-sdk/client-s3');
		const client = await this.client();
		try {
			const out = await client.send(
				new GetObjectCommand({ Bucket: this.options.bucket, Key: key })
			);
			if (!out.Body) return null;
			return {
				stream: out.Body.transformToWebStream() as ReadableStream<Uint8Array>,
				size: out.ContentLength ?? 0
			};
		} catch (err) {
			if (isNotFound(err)) return null;
			throw err;
		}
	}

	async remove(key: string): Promise<void> {
		assertValidKey(key);
		const { DeleteObjectCommand } = await import('@aws-sdk/client-s3');
		const client = await this.client();
		await client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
	}
}
