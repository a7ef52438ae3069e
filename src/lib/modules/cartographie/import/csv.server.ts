// Reading an uploaded CSV file as a stream of records: decoded chunk by chunk (UTF-8 or
// Windows-1252) and parsed by csv-parse, so that a 20 MB file never becomes one big string or
// thousands of records in memory at once.
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import {
	decodeWindows1252,
	detectDelimiter,
	type Delimiter,
	type FileEncoding
} from './file-format';

/** A problem of the file itself, shown to the person who uploaded it. */
export class CsvFileError extends Error {}

/** UTF-8 (with or without its byte order mark) when the bytes are valid UTF-8, else Windows-1252. */
export function detectEncoding(bytes: Uint8Array): FileEncoding {
	if (isUtf8(bytes)) {
		return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8-bom' : 'utf-8';
	}
	return 'windows-1252';
}

/** The first line of the file, decoded (at most 64 KB), to find the separator. */
export function headerLine(bytes: Uint8Array, encoding: FileEncoding): string {
	const head = bytes.subarray(0, 65_536);
	const text =
		encoding === 'windows-1252' ? decodeWindows1252(head) : new TextDecoder().decode(head);
	const end = text.search(/\r?\n/);
	return end < 0 ? text : text.slice(0, end);
}

export function delimiterOf(bytes: Uint8Array, encoding: FileEncoding): Delimiter {
	return detectDelimiter(headerLine(bytes, encoding));
}

async function* decode(
	chunks: AsyncIterable<Uint8Array>,
	encoding: FileEncoding
): AsyncGenerator<string> {
	if (encoding === 'windows-1252') {
		for await (const chunk of chunks) yield decodeWindows1252(chunk);
		return;
	}
	// Strips the byte order mark; `stream` keeps a character split between two chunks whole.
	const decoder = new TextDecoder('utf-8');
	for await (const chunk of chunks) {
		const text = decoder.decode(chunk, { stream: true });
		if (text) yield text;
	}
	const rest = decoder.decode();
	if (rest) yield rest;
}

/** The bytes of an uploaded file in chunks of 64 KB (views, not copies). */
export async function* chunksOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < bytes.length; i += 65_536) yield bytes.subarray(i, i + 65_536);
}

/** A stored file's stream as chunks. */
export async function* chunksOfStream(stream: ReadableStream<Uint8Array>) {
	const reader = stream.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			yield value;
		}
	} finally {
		await reader.cancel().catch(() => {});
	}
}

function frenchCsvError(err: CsvError): CsvFileError {
	const line = (err as unknown as { lines?: number }).lines;
	const where = line ? ` (ligne ${line})` : '';
	if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
		return new CsvFileError(
			`Le fichier CSV est mal formé${where} : un guillemet ouvert n'est jamais fermé.`
		);
	}
	if (err.code === 'CSV_MAX_RECORD_SIZE') {
		return new CsvFileError(`Une ligne du fichier est trop longue${where}.`);
	}
	return new CsvFileError(`Le fichier CSV est mal formé${where}.`);
}

/**
 * Every record of the file (arrays of cells, the header first), one at a time: reading pauses
 * while the caller works on a record. Lenient on quotes inside unquoted cells and on rows with
 * more or fewer cells than the header; a syntax error becomes a CsvFileError in French.
 */
export async function* records(
	chunks: AsyncIterable<Uint8Array>,
	encoding: FileEncoding,
	delimiter: Delimiter
): AsyncGenerator<string[]> {
	const parser = parse({
		delimiter,
		bom: true,
		relax_column_count: true,
		relax_quotes: true,
		skip_empty_lines: false,
		// A single cell of 1 MB is not a fiche: stop there rather than buffer the rest.
		max_record_size: 1_000_000
	});
	const source = Readable.from(decode(chunks, encoding));
	source.on('error', (err) => parser.destroy(err));
	source.pipe(parser);
	try {
		for await (const record of parser as AsyncIterable<string[]>) yield record;
	} catch (err) {
		if (err instanceof CsvError) throw frenchCsvError(err);
		throw err;
	} finally {
		source.destroy();
		parser.destroy();
	}
}
