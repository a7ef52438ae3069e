import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';

import busboy from 'busboy';
import { fileTypeFromBuffer } from 'file-type';

import type { Ctx } from '../context';
import { fileStore, FileTooLargeError } from '../storage/local';
import { checkFileName, looksLikeSvg, refusedTypeMessage, tooLargeMessage } from './names';

export interface UploadedFile {
	key: string;
	/** As the sender named it, NFC-normalised. */
	name: string;
	/** Detected from the content, one of the accepted types. */
	type: string;
	size: number;
}

export interface ReceivedForm {
	/** The text fields only, for formToObject / keepValues. */
	form: FormData;
	file: UploadedFile | null;
	fileError: string | null;
}

export interface ReceiveOptions {
	/** The file input's name. */
	field: string;
	/** Storage key for the file, e.g. `ressources/<id>/<random>`. */
	key: () => string;
	/** Detected MIME type -> label shown in messages. */
	accept: Record<string, string>;
	/** Default: UPLOAD_MAX_MB megabytes. */
	maxBytes?: number;
}

/** Bytes read before deciding the type: enough for ZIP containers listing their parts late. */
const HEAD_BYTES = 64 * 1024;
const LIMITS = { fields: 200, fieldSize: 200_000, fieldNameSize: 200, parts: 260, files: 1 };
const BROKEN = 'L’envoi du formulaire a été interrompu : réessayez.';
const CONTROL_IN_NAME =
	'Le nom du fichier contient des caractères de contrôle : renommez le fichier.';

type FileStream = Readable & { truncated?: boolean };

/** Reads the rest of a file part so the parser moves on to the next fields. */
async function drain(it: AsyncIterator<Uint8Array>) {
	for (;;) if ((await it.next()).done) return;
}

/** Reads a request body to its end, discarding it. */
async function drainBody(body: Readable) {
	body.resume();
	await finished(body).catch(() => {});
}

/** Why a multipart body could not be read, for the person who sent it. */
function parseErrorMessage(err: unknown, fromBody: boolean, maxBytes: number): string {
	// The server's own limit (BODY_SIZE_LIMIT) comes as a 413 from the body.
	if (fromBody && (err as { status?: number }).status === 413) return tooLargeMessage(maxBytes);
	// Raw control characters are the only thing a browser may put in a part's headers that the
	// parser refuses, and they come from the file's name.
	if (!fromBody && err instanceof Error && /Malformed part header/i.test(err.message)) {
		return CONTROL_IN_NAME;
	}
	return BROKEN;
}

/** The form of a urlencoded (or absent) body, text fields only. */
async function plainForm(request: Request): Promise<FormData> {
	const form = new FormData();
	try {
		for (const [name, value] of await request.formData()) {
			if (typeof value === 'string') form.append(name, value);
		}
	} catch {
		// No body, or one that is not a form: no fields.
	}
	return form;
}

/**
 * Reads a form with at most one file as it arrives: text fields are kept, the file is checked
 * (name, real type from its first bytes, size) and streamed to the file store. A refused file
 * leaves nothing in the store; its French reason is `fileError`.
 */
export async function receiveUpload(
	ctx: Ctx,
	request: Request,
	opts: ReceiveOptions
): Promise<ReceivedForm> {
	const contentType = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data/i.test(contentType) || !request.body) {
		return { form: await plainForm(request), file: null, fileError: null };
	}
	const maxBytes = opts.maxBytes ?? ctx.env.UPLOAD_MAX_MB * 1024 * 1024;
	const store = fileStore(ctx.env);
	const form = new FormData();
	let file: UploadedFile | null = null;
	let fileError: string | null = null;
	let failure: unknown;
	const tasks: Promise<void>[] = [];

	async function receiveFile(stream: FileStream, rawName: string) {
		const it = stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
		const checked = checkFileName(rawName);
		if ('error' in checked) {
			fileError = checked.error;
			return drain(it);
		}
		const head: Uint8Array[] = [];
		let headSize = 0;
		let ended = false;
		while (headSize < HEAD_BYTES) {
			const next = await it.next();
			if (next.done) {
				ended = true;
				break;
			}
			head.push(next.value);
			headSize += next.value.byteLength;
		}
		if (headSize === 0) {
			fileError = 'Le fichier est vide.';
			return;
		}
		const sample = Buffer.concat(head);
		const type = (await fileTypeFromBuffer(sample))?.mime;
		if (!type || !(type in opts.accept)) {
			fileError = refusedTypeMessage(opts.accept, looksLikeSvg(sample));
			if (!ended) await drain(it);
			return;
		}
		async function* bytes() {
			yield sample;
			if (ended) return;
			for (;;) {
				const next = await it.next();
				if (next.done) return;
				yield next.value;
			}
		}
		const key = opts.key();
		try {
			const { size } = await store.write(key, bytes(), { maxBytes });
			file = { key, name: checked.name, type, size };
		} catch (err) {
			// Whatever failed, the part is read to its end so the parser can finish the form.
			await drain(it).catch(() => {});
			if (!(err instanceof FileTooLargeError)) throw err;
			fileError = tooLargeMessage(maxBytes);
		}
	}

	const parser = busboy({
		headers: { 'content-type': contentType },
		// One byte over the limit reaches the store, which refuses it; busboy skips the rest.
		limits: { ...LIMITS, fileSize: maxBytes + 1 },
		defParamCharset: 'utf8',
		// The name as sent, so that a path in it is refused rather than silently cut.
		preservePath: true
	});
	parser.on('field', (name, value, info) => {
		if (!info.valueTruncated) form.append(name, value);
	});
	let seen = false;
	let current: FileStream | undefined;
	let aborted = false;
	parser.on('file', (name, stream: FileStream, info) => {
		if (name !== opts.field || seen || !info.filename) {
			// Another input, or "no file chosen" (an empty part without a name).
			stream.resume();
			return;
		}
		seen = true;
		current = stream;
		tasks.push(
			receiveFile(stream, info.filename).catch((err) => {
				if (!aborted) failure ??= err;
			})
		);
	});

	const body = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream);
	let bodyFailed = false;
	try {
		await new Promise<void>((resolve, reject) => {
			parser.on('close', resolve);
			parser.on('error', reject);
			body.on('error', (err) => {
				bodyFailed = true;
				reject(err);
			});
			body.pipe(parser);
		});
	} catch (err) {
		aborted = true;
		body.unpipe(parser);
		parser.destroy();
		// A file part cut short: its reader (and the store's write) stop with an error.
		current?.destroy(err as Error);
		fileError = parseErrorMessage(err, bodyFailed, maxBytes);
		// A form the parser refused is still read to its end, so the browser gets the answer
		// rather than a reset connection.
		if (!bodyFailed) await drainBody(body);
	}
	await Promise.allSettled(tasks);
	if (failure || fileError) {
		await discardUpload(ctx, file);
		file = null;
	}
	if (failure) throw failure;
	return { form, file, fileError };
}

/** Deletes a received file that will not be kept (the rest of the form was refused). */
export async function discardUpload(ctx: Ctx, file: UploadedFile | null): Promise<void> {
	if (file) await fileStore(ctx.env).remove(file.key);
}
