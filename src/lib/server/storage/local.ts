import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { S3FileStore, s3Settings, type S3Settings } from './s3';
import {
	assertValidKey,
	InvalidKeyError,
	limitBytes,
	type ByteSource,
	type FileStore,
	type StoredFile
} from './store';

export {
	assertValidKey,
	FileTooLargeError,
	InvalidKeyError,
	type ByteSource,
	type FileStore,
	type StoredFile
} from './store';

const isMissing = (err: unknown) =>
	err instanceof Error && 'code' in err && (err.code === 'ENOENT' || err.code === 'ENOTDIR');

/** Files under `root` (the platform's `<DATA_DIR>/files`, which backups include). */
export class LocalFileStore implements FileStore {
	readonly root: string;

	constructor(root: string) {
		this.root = path.resolve(root);
	}

	/** The absolute path of a key, refused when it could leave the root. */
	pathOf(key: string): string {
		assertValidKey(key);
		const full = path.resolve(this.root, key);
		if (!full.startsWith(this.root + path.sep)) {
			throw new InvalidKeyError(`Invalid file key: ${JSON.stringify(key)}`);
		}
		return full;
	}

	async put(key: string, bytes: Uint8Array): Promise<void> {
		const full = this.pathOf(key);
		await fs.mkdir(path.dirname(full), { recursive: true });
		// Written aside then renamed: a reader never sees a half-written file.
		const partial = `${full}.${randomBytes(6).toString('hex')}.partiel`;
		try {
			await fs.writeFile(partial, bytes, { flag: 'wx', mode: 0o640 });
			await fs.rename(partial, full);
		} catch (err) {
			await fs.rm(partial, { force: true });
			throw err;
		}
	}

	async write(
		key: string,
		source: ByteSource,
		opts: { maxBytes?: number } = {}
	): Promise<{ size: number }> {
		const full = this.pathOf(key);
		await fs.mkdir(path.dirname(full), { recursive: true });
		const partial = `${full}.${randomBytes(6).toString('hex')}.partiel`;
		const counter = { size: 0 };
		try {
			await pipeline(
				limitBytes(source, opts.maxBytes, counter),
				createWriteStream(partial, { flags: 'wx', mode: 0o640 })
			);
			await fs.rename(partial, full);
			return { size: counter.size };
		} catch (err) {
			await fs.rm(partial, { force: true });
			throw err;
		}
	}

	async read(key: string): Promise<StoredFile | null> {
		const full = this.pathOf(key);
		let handle: fs.FileHandle;
		try {
			handle = await fs.open(full, 'r');
		} catch (err) {
			if (isMissing(err)) return null;
			throw err;
		}
		try {
			const stat = await handle.stat();
			if (!stat.isFile()) {
				await handle.close();
				return null;
			}
			// The stream closes the handle when it ends or is cancelled.
			const stream = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
			return { stream, size: stat.size };
		} catch (err) {
			await handle.close();
			throw err;
		}
	}

	async remove(key: string): Promise<void> {
		await fs.rm(this.pathOf(key), { force: true });
	}
}

const s3Stores = new Map<string, S3FileStore>();

/**
 * The store of uploaded files: the S3-compatible bucket when S3_BUCKET is set (one client per
 * configuration, kept), else the local folder `<dataDir>/files`.
 */
export function fileStore(env: { dataDir: string } & S3Settings): FileStore {
	const s3 = s3Settings(env);
	if (!s3) return new LocalFileStore(path.join(env.dataDir, 'files'));
	const id = JSON.stringify(s3);
	let store = s3Stores.get(id);
	if (!store) {
		store = new S3FileStore(s3);
		s3Stores.set(id, store);
	}
	return store;
}
