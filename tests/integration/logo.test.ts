import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { structures } from '../../src/lib/server/db/schema';
import {
	deleteStructure,
	saveStructure,
	structureLogo
} from '../../src/lib/modules/community/manage.server';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/lib/server/errors';
import {
	assertValidKey,
	InvalidKeyError,
	LocalFileStore
} from '../../src/lib/server/storage/local';
import type { Actor } from '../../src/lib/server/auth/policy';

/** A valid 1×1 PNG. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64'
);
/** The start of a JPEG (JFIF): enough for the type to be detected. */
const JPEG = Buffer.from([
	0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01
]);
const SVG = Buffer.from(
	'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
);

let t: TestDb;
let admin: Actor;
let member: Actor;
let filesDir: string;

beforeAll(async () => {
	t = await createTestDb();
	admin = (await makeUser(t.ctx, 'admin')).actor;
	member = (await makeUser(t.ctx, 'membre')).actor;
	filesDir = path.join(t.ctx.env.dataDir, 'files');
});
afterAll(async () => t.close());

const file = (bytes: Buffer, name: string, type = 'image/png') =>
	new File([new Uint8Array(bytes)], name, { type });
const storedLogos = () => {
	const dir = path.join(filesDir, 'logos');
	return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
};
const stored = (key: string) => fs.existsSync(path.join(filesDir, key));
const readAll = async (stream: ReadableStream<Uint8Array>) =>
	Buffer.from(await new Response(stream).arrayBuffer());

let n = 0;
const create = (logo?: File) =>
	saveStructure(
		t.ctx,
		admin,
		null,
		{ name: `Structure logo ${++n}`, kind: 'association' },
		{},
		{ logo }
	);

describe('structure logos', () => {
	it('stores an uploaded PNG, readable with its type', async () => {
		const row = await create(file(PNG, 'logo.png'));
		expect(row.logoPath).toMatch(/^logos\/[0-9a-f-]{36}\.png$/);
		expect(stored(row.logoPath!)).toBe(true);
		const logo = await structureLogo(t.ctx, row.slug);
		expect(logo.mime).toBe('image/png');
		expect(logo.etag).toBe(`"${path.basename(row.logoPath!)}"`);
		const read = await logo.read();
		expect(read?.size).toBe(PNG.length);
		expect((await readAll(read!.stream)).equals(PNG)).toBe(true);
	});

	it('replaces a logo and deletes the previous file; removes it on request', async () => {
		const row = await create(file(PNG, 'logo.png'));
		const first = row.logoPath!;
		const replaced = await saveStructure(
			t.ctx,
			admin,
			row.id,
			{ name: row.name, kind: row.kind },
			{},
			// The name and the browser's type say PNG: the content, a JPEG, decides.
			{ logo: file(JPEG, 'logo.png', 'image/png') }
		);
		expect(replaced.logoPath).toMatch(/\.jpg$/);
		expect(stored(replaced.logoPath!)).toBe(true);
		expect(stored(first)).toBe(false);
		expect((await structureLogo(t.ctx, row.slug)).mime).toBe('image/jpeg');

		// Saving without a file keeps the logo.
		const kept = await saveStructure(t.ctx, admin, row.id, {
			name: row.name,
			kind: row.kind,
			description: 'Nouvelle description'
		});
		expect(kept.logoPath).toBe(replaced.logoPath);

		const removed = await saveStructure(
			t.ctx,
			admin,
			row.id,
			{ name: row.name, kind: row.kind },
			{},
			{ removeLogo: true }
		);
		expect(removed.logoPath).toBeNull();
		expect(stored(replaced.logoPath!)).toBe(false);
		await expect(structureLogo(t.ctx, row.slug)).rejects.toThrow(NotFoundError);
	});

	it('refuses SVG and files over 1 Mo with French messages, and stores nothing', async () => {
		const row = await create();
		const before = storedLogos();
		const attempt = (logo: File) =>
			saveStructure(t.ctx, admin, row.id, { name: row.name, kind: row.kind }, {}, { logo });

		const svg = await attempt(file(SVG, 'logo.png', 'image/png')).catch((e: unknown) => e);
		expect(svg).toBeInstanceOf(ValidationError);
		expect((svg as ValidationError).fields.logo).toBe(
			'Format non accepté : envoyez une image PNG, JPEG ou WebP. Choisissez à nouveau le fichier.'
		);

		const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]);
		const tooBig = await attempt(file(big, 'logo.png')).catch((e: unknown) => e);
		expect(tooBig).toBeInstanceOf(ValidationError);
		expect((tooBig as ValidationError).fields.logo).toBe(
			'Le logo ne doit pas dépasser 1 Mo. Choisissez à nouveau le fichier.'
		);

		expect(storedLogos()).toEqual(before);
		const [after] = await t.ctx.db.select().from(structures).where(eq(structures.id, row.id));
		expect(after!.logoPath).toBeNull();
	});

	it('keeps no file when another field is wrong, and says the file must be chosen again', async () => {
		const before = storedLogos();
		const err = await saveStructure(
			t.ctx,
			admin,
			null,
			{ name: 'X', kind: 'association' },
			{},
			{ logo: file(PNG, 'logo.png') }
		).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect((err as ValidationError).fields.name).toContain('au moins 2 caractères');
		expect((err as ValidationError).fields.logo).toContain('Choisissez à nouveau le fichier.');
		expect(storedLogos()).toEqual(before);
	});

	it('deletes the new file when the row cannot be written', async () => {
		const before = storedLogos();
		await expect(
			saveStructure(
				t.ctx,
				admin,
				'00000000-0000-4000-8000-000000000000',
				{ name: 'Structure disparue', kind: 'association' },
				{},
				{ logo: file(PNG, 'logo.png') }
			)
		).rejects.toThrow(NotFoundError);
		expect(storedLogos()).toEqual(before);
	});

	it('refuses a plain member before reading anything', async () => {
		const before = storedLogos();
		await expect(
			saveStructure(
				t.ctx,
				member,
				null,
				{ name: 'Structure intruse', kind: 'association' },
				{},
				{ logo: file(PNG, 'logo.png') }
			)
		).rejects.toThrow(ForbiddenError);
		expect(storedLogos()).toEqual(before);
	});

	it('deletes the logo file with its structure', async () => {
		const row = await create(file(PNG, 'logo.png'));
		await deleteStructure(t.ctx, admin, row.id);
		expect(stored(row.logoPath!)).toBe(false);
	});
});

describe('local file store', () => {
	it('refuses keys that could leave its folder', async () => {
		const store = new LocalFileStore(filesDir);
		for (const key of [
			'../secret',
			'logos/../../secret',
			'/etc/passwd',
			'logos//a.png',
			'logos/.hidden',
			'logos\\..\\a',
			'',
			'logos/a.png\0'
		]) {
			expect(() => assertValidKey(key), key).toThrow(InvalidKeyError);
			await expect(store.put(key, PNG), key).rejects.toThrow(InvalidKeyError);
			await expect(store.read(key), key).rejects.toThrow(InvalidKeyError);
			await expect(store.remove(key), key).rejects.toThrow(InvalidKeyError);
		}
		expect(fs.existsSync(path.join(t.ctx.env.dataDir, 'secret'))).toBe(false);
	});

	it('writes, reads and removes a file; a missing one reads as null', async () => {
		const store = new LocalFileStore(filesDir);
		await store.put('essais/a.png', PNG);
		const read = await store.read('essais/a.png');
		expect(read?.size).toBe(PNG.length);
		expect((await readAll(read!.stream)).equals(PNG)).toBe(true);
		await store.remove('essais/a.png');
		expect(await store.read('essais/a.png')).toBeNull();
		await store.remove('essais/a.png');
		expect(fs.readdirSync(path.join(filesDir, 'essais'))).toEqual([]);
	});
});
