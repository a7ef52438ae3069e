// Forms with a file, sent over real HTTP to a server that reads them with receiveUpload.
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FILE_TYPES } from '../../src/lib/modules/ressources/labels';
import type { Ctx } from '../../src/lib/server/context';
import { parseEnv } from '../../src/lib/server/env';
import { fileStore } from '../../src/lib/server/storage/local';
import { receiveUpload, type ReceivedForm } from '../../src/lib/server/uploads/receive.server';
import { refused, samples } from '../fixtures/files/samples';
import { startS3, type TestS3 } from '../helpers/s3';

const MiB = 1024 * 1024;
let s3: TestS3;
let dir: string;
let server: http.Server;
let base: string;
let ctx: Ctx;
let count = 0;

/** Every key the current store holds. */
let keys: () => Promise<string[]>;

async function localKeys(): Promise<string[]> {
	const root = path.join(dir, 'files');
	const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
	return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

beforeAll(async () => {
	s3 = await startS3();
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chantiers-uploads-'));
	server = http.createServer(async (req, res) => {
		const url = new URL(`http://localhost${req.url}`);
		const bodyLimit = Number(url.searchParams.get('bodyLimit'));
		let body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
		// As adapter-node does past BODY_SIZE_LIMIT: the body stream fails with a 413.
		if (bodyLimit) body = body.pipeThrough(bodyLimiter(bodyLimit));
		const request = new Request(url, {
			method: req.method,
			headers: req.headers as Record<string, string>,
			body,
			duplex: 'half'
		} as RequestInit);
		const maxBytes = Number(new URL(request.url).searchParams.get('max')) || undefined;
		try {
			const got = await receiveUpload(ctx, request, {
				field: 'file',
				key: () => `ressources/essai/${++count}`,
				accept: FILE_TYPES,
				maxBytes
			});
			res.setHeader('content-type', 'application/json');
			// The rest of a body stopped at its limit is never read: this connection is done.
			if (bodyLimit) res.setHeader('connection', 'close');
			res.end(JSON.stringify({ ...got, form: [...got.form.entries()] }));
		} catch (err) {
			res.statusCode = 500;
			res.end(String(err));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise((resolve) => server?.close(resolve));
	await s3?.stop();
	await fs.rm(dir, { recursive: true, force: true });
});

type Answer = Omit<ReceivedForm, 'form'> & { form: [string, string][] };

async function send(body: FormData | string, query = '', headers: Record<string, string> = {}) {
	const res = await fetch(`${base}/${query}`, { method: 'POST', body, headers });
	expect(res.status).toBe(200);
	return (await res.json()) as Answer;
}

function formWith(bytes: Uint8Array, name: string, type = 'application/octet-stream') {
	const form = new FormData();
	form.append('title', 'Avant le fichier');
	form.append('file', new Blob([bytes as BlobPart], { type }), name);
	form.append('after', 'Après le fichier');
	return form;
}

/** A multipart body written by hand, for names a browser's FormData would escape. */
function rawMultipart(filename: string, bytes: Uint8Array) {
	const boundary = '----chantiers' + Math.random().toString(16).slice(2);
	const head = `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nTitre\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`;
	const body = Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
	return { body, type: `multipart/form-data; boundary=${boundary}` };
}

async function sendRaw(filename: string, bytes: Uint8Array) {
	const { body, type } = rawMultipart(filename, bytes);
	const res = await fetch(`${base}/`, {
		method: 'POST',
		body,
		headers: { 'content-type': type }
	});
	return (await res.json()) as Answer;
}

const stores = [
	[
		'local folder',
		() => ({ env: parseEnv({ DATA_DIR: dir, UPLOAD_MAX_MB: '1' }), keys: localKeys })
	],
	[
		'S3-compatible bucket',
		() => ({
			env: parseEnv({ DATA_DIR: dir, UPLOAD_MAX_MB: '1', ...s3.env }),
			keys: () => s3.keys()
		})
	]
] as const;

describe.each(stores)('receiveUpload into the %s', (_label, make) => {
	beforeAll(() => {
		const chosen = make();
		ctx = { env: chosen.env } as Ctx;
		keys = chosen.keys;
	});

	it.each([
		['pdf', 'application/pdf'],
		['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
		['png', 'image/png']
	] as const)('keeps a good %s with the fields around it', async (kind, type) => {
		const name = `Vers une socie\u0301te\u0301 de la coopération.${kind}`;
		const got = await send(formWith(samples[kind], name));
		expect(got.fileError).toBeNull();
		expect(got.form).toEqual([
			['title', 'Avant le fichier'],
			['after', 'Après le fichier']
		]);
		expect(got.file).toMatchObject({
			name: `Vers une société de la coopération.${kind}`,
			type,
			size: samples[kind].byteLength
		});
		const stored = await fileStore(ctx.env).read(got.file!.key);
		const bytes = new Uint8Array(await new Response(stored!.stream).arrayBuffer());
		expect(bytes).toEqual(samples[kind]);
		await fileStore(ctx.env).remove(got.file!.key);
	});

	it.each([
		[
			'an SVG',
			refused.svg,
			'logo.svg',
			/^Les images SVG ne sont pas acceptées\. Formats acceptés : PDF, ODT/
		],
		['a renamed executable (ELF)', refused.elf, 'rapport.pdf', /^Format de fichier non accepté/],
		['a renamed executable (PE)', refused.pe, 'rapport.pdf', /^Format de fichier non accepté/],
		['a shell script', refused.script, 'rapport.pdf', /^Format de fichier non accepté/],
		['an HTML page', refused.html, 'page.png', /Formats acceptés : .* MP3 ou MP4\.$/],
		['an empty file', new Uint8Array(0), 'vide.pdf', /^Le fichier est vide\.$/],
		['a path in the name', samples.pdf, '../../rapport.pdf', /^Le nom du fichier ne doit contenir/],
		[
			'a backslash in the name',
			samples.pdf,
			'..\\rapport.pdf',
			/^Le nom du fichier ne doit contenir/
		],
		['a name over 200 characters', samples.pdf, `${'a'.repeat(201)}.pdf`, /200 caractères/]
	])('refuses %s and keeps nothing', async (_what, bytes, name, message) => {
		const got = await send(formWith(bytes, name));
		expect(got.file).toBeNull();
		expect(got.fileError).toMatch(message);
		expect(got.form).toContainEqual(['after', 'Après le fichier']);
		expect(await keys()).toEqual([]);
	});

	it('refuses control characters in the name', async () => {
		for (const name of ['rap\u0001port.pdf', 'rapport\t.pdf', 'rapport\u007f.pdf']) {
			const got = await sendRaw(name, samples.pdf);
			expect(got.file).toBeNull();
			expect(got.fileError).toMatch(/^Le nom du fichier/);
			expect(got.form).toEqual([['title', 'Titre']]);
		}
		expect(await keys()).toEqual([]);
	});

	it('cuts a file over the limit while it streams, and still answers', async () => {
		// 3 MiB of a valid MP4 against the environment's 1 Mo.
		const got = await send(formWith(mp4Of(3 * MiB), 'v.mp4'));
		expect(got.file).toBeNull();
		expect(got.fileError).toBe('Le fichier dépasse 1 Mo.');
		expect(got.form).toContainEqual(['after', 'Après le fichier']);
		expect(await keys()).toEqual([]);
	});

	it('says the size limit when the server stops the body itself', async () => {
		const got = await send(formWith(mp4Of(900 * 1024), 'v.mp4'), `?bodyLimit=${400 * 1024}`);
		expect(got.file).toBeNull();
		expect(got.fileError).toBe('Le fichier dépasse 1 Mo.');
		expect(got.form).toEqual([['title', 'Avant le fichier']]);
		expect(await keys()).toEqual([]);
	});

	it('takes a file of exactly the limit, and a limit given by the caller', async () => {
		const exact = await send(formWith(mp4Of(MiB), 'v.mp4'));
		expect(exact.fileError).toBeNull();
		expect(exact.file?.size).toBe(MiB);
		await fileStore(ctx.env).remove(exact.file!.key);
		const over = await send(formWith(mp4Of(600 * 1024), 'v.mp4'), `?max=${512 * 1024}`);
		expect(over.fileError).toBe('Le fichier dépasse 0,5 Mo.');
		expect(await keys()).toEqual([]);
	});

	it('reads "no file chosen" as no file and no error', async () => {
		const form = new FormData();
		form.append('title', 'Sans fichier');
		form.append('file', new Blob([]), '');
		const got = await send(form);
		expect(got).toEqual({ form: [['title', 'Sans fichier']], file: null, fileError: null });
	});

	it('reads a form that is not multipart', async () => {
		const got = await send('title=Coop%C3%A9ration&tags=a&tags=b', '', {
			'content-type': 'application/x-www-form-urlencoded'
		});
		expect(got).toEqual({
			form: [
				['title', 'Coopération'],
				['tags', 'a'],
				['tags', 'b']
			],
			file: null,
			fileError: null
		});
	});

	it('ignores a second file and files of other inputs', async () => {
		const form = formWith(samples.png, 'a.png');
		form.append('file', new Blob([samples.pdf as BlobPart]), 'b.pdf');
		form.append('other', new Blob([refused.elf as BlobPart]), 'x.exe');
		const got = await send(form);
		expect(got.file).toMatchObject({ name: 'a.png', type: 'image/png' });
		expect(await keys()).toHaveLength(1);
		await fileStore(ctx.env).remove(got.file!.key);
	});
});

function bodyLimiter(limit: number) {
	let size = 0;
	return new TransformStream<Uint8Array, Uint8Array>({
		transform(chunk, controller) {
			size += chunk.byteLength;
			if (size > limit) {
				controller.error(Object.assign(new Error('Content-length exceeds limit'), { status: 413 }));
			} else controller.enqueue(chunk);
		}
	});
}

function mp4Of(size: number) {
	const file = new Uint8Array(size);
	file.set(samples.mp4.subarray(0, 32));
	return file;
}

describe('receiveUpload when the store fails', () => {
	it('reads the form to its end and reports the error', async () => {
		ctx = { env: parseEnv({ DATA_DIR: dir, ...s3.env, S3_BUCKET: 'seau-absent' }) } as Ctx;
		const res = await fetch(`${base}/`, {
			method: 'POST',
			body: formWith(mp4Of(12 * MiB), 'v.mp4')
		});
		expect(res.status).toBe(500);
		expect(await res.text()).toMatch(/NoSuchBucket|bucket/i);
		expect(await s3.keys()).toEqual([]);
	});
});
