// Reading one entry of a ZIP container (ODT, DOCX) with a cap on its uncompressed size.
import { unzipSync } from 'fflate';
import { ExtractionError } from './errors';

/** More than any real content.xml or document.xml; a zip bomb stops here. */
export const MAX_ENTRY_BYTES = 50 * 1024 * 1024;

/**
 * The bytes of entry `name`. The declared size is checked before inflating, and fflate inflates
 * into a buffer of exactly that size, so an entry lying about its size cannot grow past it.
 */
export function readZipEntry(bytes: Uint8Array, name: string, max = MAX_ENTRY_BYTES): Uint8Array {
	let tooLarge = false;
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(bytes, {
			filter: (f) => {
				if (f.name !== name) return false;
				if (f.originalSize > max) tooLarge = true;
				return !tooLarge;
			}
		});
	} catch (err) {
		throw new ExtractionError(`archive ZIP illisible (${(err as Error).message})`);
	}
	if (tooLarge) throw new ExtractionError(`${name} dépasse ${max} octets une fois décompressé`);
	const entry = files[name];
	if (!entry) throw new ExtractionError(`${name} absent de l’archive`);
	return entry;
}
