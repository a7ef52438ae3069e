/** A stored file opened for reading. */
export interface StoredFile {
	stream: ReadableStream<Uint8Array>;
	/** In bytes. */
	size: number;
}

/** Bytes arriving over time: a request body, a file part of a form. */
export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * Where uploads live, by key (`logos/<uuid>.png`): a local folder or an S3-compatible bucket,
 * interchangeable for the services.
 */
export interface FileStore {
	/** Writes `bytes` under `key`, replacing any file of that key. */
	put(key: string, bytes: Uint8Array): Promise<void>;
	/**
	 * Streams `source` under `key` without holding the whole file in memory. Past `maxBytes` it
	 * throws a FileTooLargeError and nothing of the file is left in the store.
	 */
	write(key: string, source: ByteSource, opts?: { maxBytes?: number }): Promise<{ size: number }>;
	/** Opens the file of `key`; null when there is none. */
	read(key: string): Promise<StoredFile | null>;
	/** Deletes the file of `key`; nothing happens when there is none. */
	remove(key: string): Promise<void>;
}

export class InvalidKeyError extends Error {}

/** More bytes arrived than the write allowed. */
export class FileTooLargeError extends Error {
	readonly maxBytes: number;
	constructor(maxBytes: number) {
		super(`File larger than ${maxBytes} bytes`);
		this.maxBytes = maxBytes;
	}
}

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

async function* iterate(source: ByteSource): AsyncGenerator<Uint8Array> {
	if (!('getReader' in source)) {
		yield* source;
		return;
	}
	const reader = source.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			yield value;
		}
	} finally {
		// Stopped early (too large, failed write): the producer is told to stop.
		await reader.cancel().catch(() => {});
	}
}

/**
 * The bytes of `source`, counted into `counter.size`; throws a FileTooLargeError as soon as the
 * count passes `maxBytes`, before the chunk that passes it is handed on.
 */
export async function* limitBytes(
	source: ByteSource,
	maxBytes: number | undefined,
	counter: { size: number }
): AsyncGenerator<Uint8Array> {
	for await (const chunk of iterate(source)) {
		counter.size += chunk.byteLength;
		if (maxBytes !== undefined && counter.size > maxBytes) throw new FileTooLargeError(maxBytes);
		yield chunk;
	}
}
