// The same contract for both stores: local folder and S3-compatible bucket (s3rver).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseEnv } from '../../src/lib/server/env';
import {
	fileStore,
	FileTooLargeError,
	InvalidKeyError,
	LocalFileStore,
	type FileStore
} from '../../src/lib/server/storage/local';
import { S3FileStore } from '../../src/lib/server/storage/s3';
import { startS3, type TestS3 } from '../helpers/s3';

const MiB = 1024 * 1024;

async function* chunks(count: number, size: number, fill = 7) {
	for (let i = 0; i < count; i++) yield new Uint8Array(size).fill(fill + i);
}

async function bytesOf(store: FileStore, key: string) {
	const file = await store.read(key);
	if (!file) return null;
	const body = new Uint8Array(await new Response(file.stream).arrayBuffer());
	return { size: file.size, body };
}

let s3: TestS3;
let dir: string;

beforeAll(async () => {
	s3 = await startS3();
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chantiers-files-'));
});
afterAll(async () => {
	await s3?.stop();
	await fs.rm(dir, { recursive: true, force: true });
});

async function localKeys(root: string): Promise<string[]> {
	const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
	return entries
		.filter((e) => e.isFile())
		.map((e) => path.relative(root, path.join(e.parentPath, e.name)))
		.sort();
}

const stores: [string, () => { store: FileStore; keys: () => Promise<string[]> }][] = [
	[
		'local folder',
		() => {
			const store = fileStore(parseEnv({ DATA_DIR: dir }));
			return { store, keys: () => localKeys(path.join(dir, 'files')) };
		}
	],
	[
		'S3-compatible bucket',
		() => ({ store: fileStore(parseEnv({ DATA_DIR: dir, ...s3.env })), keys: () => s3.keys() })
	]
];

describe.each(stores)('file store: %s', (label, make) => {
	it('is the implementation the environment asks for', () => {
		const { store } = make();
		expect(store).toBeInstanceOf(label === 'local folder' ? LocalFileStore : S3FileStore);
	});

	it('puts, reads with the size, replaces and removes', async () => {
		const { store, keys } = make();
		await store.put('contrat/a.txt', new TextEncoder().encode('première'));
		await store.put('contrat/a.txt', new TextEncoder().encode('seconde version'));
		const got = await bytesOf(store, 'contrat/a.txt');
		expect(got?.size).toBe(15);
		expect(new TextDecoder().decode(got?.body)).toBe('seconde version');
		expect(await keys()).toContain('contrat/a.txt');
		await store.remove('contrat/a.txt');
		expect(await store.read('contrat/a.txt')).toBeNull();
		await store.remove('contrat/a.txt');
		expect(await keys()).not.toContain('contrat/a.txt');
	});

	it('reads nothing for a key never written', async () => {
		expect(await make().store.read('contrat/absent')).toBeNull();
	});

	it('streams a write from an async iterable and from a web stream', async () => {
		const { store } = make();
		// More than one S3 part (5 MiB), so the bucket takes a multipart upload.
		expect(await store.write('contrat/gros', chunks(12, MiB / 2))).toEqual({ size: 6 * MiB });
		const got = await bytesOf(store, 'contrat/gros');
		expect(got?.size).toBe(6 * MiB);
		expect(got?.body[0]).toBe(7);
		expect(got?.body[6 * MiB - 1]).toBe(7 + 11);

		const web = new Blob(['bonjour ', 'coopération']).stream();
		expect(await store.write('contrat/web', web, { maxBytes: 100 })).toEqual({ size: 20 });
		const small = await bytesOf(store, 'contrat/web');
		expect(new TextDecoder().decode(small?.body)).toBe('bonjour coopération');
		await store.remove('contrat/gros');
		await store.remove('contrat/web');
	});

	it('accepts exactly the limit', async () => {
		const { store } = make();
		expect(await store.write('contrat/juste', chunks(4, 256), { maxBytes: 1024 })).toEqual({
			size: 1024
		});
		await store.remove('contrat/juste');
	});

	it('refuses past the limit and leaves nothing, small or multipart', async () => {
		const { store, keys } = make();
		const before = await keys();
		await expect(
			store.write('contrat/trop', chunks(5, 256), { maxBytes: 1024 })
		).rejects.toBeInstanceOf(FileTooLargeError);
		// Past the first 5 MiB part: the bucket had started a multipart upload.
		await expect(
			store.write('contrat/trop-gros', chunks(16, MiB / 2), { maxBytes: 7 * MiB })
		).rejects.toBeInstanceOf(FileTooLargeError);
		expect(await store.read('contrat/trop')).toBeNull();
		expect(await store.read('contrat/trop-gros')).toBeNull();
		expect(await keys()).toEqual(before);
	});

	it('keeps the previous file when a replacing write fails', async () => {
		const { store } = make();
		await store.put('contrat/garde', new Uint8Array([1, 2, 3]));
		await expect(
			store.write('contrat/garde', chunks(3, 100), { maxBytes: 150 })
		).rejects.toBeInstanceOf(FileTooLargeError);
		expect((await bytesOf(store, 'contrat/garde'))?.body).toEqual(new Uint8Array([1, 2, 3]));
		await store.remove('contrat/garde');
	});

	it('refuses keys that could leave the store', async () => {
		const { store } = make();
		for (const key of ['../x', 'a/../../x', '/etc/passwd', '.cache/x', 'a//b', 'a\\b', '']) {
			await expect(store.put(key, new Uint8Array([1]))).rejects.toBeInstanceOf(InvalidKeyError);
			await expect(store.write(key, chunks(1, 1))).rejects.toBeInstanceOf(InvalidKeyError);
			await expect(store.read(key)).rejects.toBeInstanceOf(InvalidKeyError);
			await expect(store.remove(key)).rejects.toBeInstanceOf(InvalidKeyError);
		}
	});
});
