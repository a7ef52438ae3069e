import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

/** A stored file opened for reading. */
export interface StoredFile {
	stream: ReadableStream<Uint8Array>;
	/** In bytes. */
	size: number;
}

/**
 * Where uploads live, by key (`logos/<uuid>.png`). Local files today; another implementation
 * (S3…) can take its place without changing the services.
 */
export interface FileStore {
	/** Writes `bytes` under `key`, replacing any file of that key. */
	put(key: string, bytes: Uint8Array): Promise<void>;
	/** Opens the file of `key`; null when there is none. */
	read(key: string): Promise<StoredFile | null>;
	/** Deletes the file of `key`; nothing happens when there is none. */
	remove(key: string): Promise<void>;
}

export class InvalidKeyError extends Error {}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * Checks that a key names a file inside the store: `/`-separated segments of letters, digits,
 * `.`, `_` and `-`, none starting with a dot (so no `..`, no hidden file, no absolute path).
 */
export function assertValidKey(key: string): void {
	const segments = key.split('/');
	if (key.length > 512 || segments.length > 8 || !segments.every((s) => SEGMENT.test(s))) {
		throw new InvalidKeyError(`Invalid file key: ${JSON.stringify(key)}`);
	}
}

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

/** The store of uploaded files for a data folder: `<dataDir>/files`. */
export function fileStore(env: { dataDir: string }): FileStore {
	return new LocalFileStore(path.join(env.dataDir, 'files'));
}
