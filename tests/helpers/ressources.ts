// Shared by the resource tests: the form posted as a browser does, and the stored files.
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../../src/lib/server/context';

export const pdfBytes = (word = 'cooperation') =>
	new TextEncoder().encode(
		`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${word}\ntrailer << /Root 1 0 R >>\n%%EOF\n`
	);

export const pngBytes = () =>
	Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
		'base64'
	);

/** A multipart form as a browser sends it; without a file, the empty unnamed part it sends. */
export function formRequest(
	fields: Record<string, string | string[]>,
	file?: { bytes: Uint8Array; name: string; type?: string }
): Request {
	const fd = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const v of [value].flat()) fd.append(name, v);
	}
	if (file) {
		const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], {
			type: file.type ?? 'application/octet-stream'
		});
		fd.append('file', blob, file.name);
	} else {
		fd.append('file', new Blob([], { type: 'application/octet-stream' }), '');
	}
	return new Request('http://localhost/ressources/nouveau', { method: 'POST', body: fd });
}

/** Every stored file under ressources/ in the data folder, as keys. */
export function storedResourceFiles(ctx: Ctx): string[] {
	const root = path.join(ctx.env.dataDir, 'files');
	const dir = path.join(root, 'ressources');
	if (!fs.existsSync(dir)) return [];
	return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
		.filter((e) => e.isFile())
		.map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
		.sort();
}

export const baseFields = (over: Record<string, string | string[]> = {}) => ({
	title: 'Vers une société de la coopération',
	kind: 'rapport',
	description: 'Un **rapport** sur les coopérations.',
	authors: '',
	publishedOn: '2024-06-12',
	tags: 'coopération, ESS',
	externalUrl: '',
	licence: 'CC-BY-SA-4.0',
	language: 'fr',
	visibility: 'public',
	...over
});
