/** Pure rules of an imported file's format: its separator and its encoding. */

export type Delimiter = ',' | ';' | '\t';

export const delimiterLabels: Record<Delimiter, string> = {
	',': 'virgule (,)',
	';': 'point-virgule (;)',
	'\t': 'tabulation'
};

/**
 * The separator of a file from its header line: the most frequent of ",", ";" and tab outside
 * double quotes (a comma wins a tie; a single column gives a comma).
 */
export function detectDelimiter(headerLine: string): Delimiter {
	const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
	let quoted = false;
	for (const c of headerLine) {
		if (c === '"') quoted = !quoted;
		else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
	}
	let best: Delimiter = ',';
	for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
	return best;
}

export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export const encodingLabels: Record<FileEncoding, string> = {
	'utf-8': 'UTF-8',
	'utf-8-bom': 'UTF-8 (avec BOM)',
	'windows-1252': 'Windows-1252, converti en UTF-8 (le fichier n’était pas en UTF-8 valide)'
};

// Windows-1252 differs from Latin-1 on 0x80–0x9F (€, œ, ’, …). Node's TextDecoder decodes
// "windows-1252" as plain Latin-1, so the table is ours. Undefined bytes stay as they are.
const cp1252: Record<number, string> = {
	0x80: '€',
	0x82: '‚',
	0x83: 'ƒ',
	0x84: '„',
	0x85: '…',
	0x86: '†',
	0x87: '‡',
	0x88: 'ˆ',
	0x89: '‰',
	0x8a: 'Š',
	0x8b: '‹',
	0x8c: 'Œ',
	0x8e: 'Ž',
	0x91: '‘',
	0x92: '’',
	0x93: '“',
	0x94: '”',
	0x95: '•',
	0x96: '–',
	0x97: '—',
	0x98: '˜',
	0x99: '™',
	0x9a: 'š',
	0x9b: '›',
	0x9c: 'œ',
	0x9e: 'ž',
	0x9f: 'Ÿ'
};

/** Decodes Windows-1252 bytes (one byte, one character: chunks can be decoded one by one). */
export function decodeWindows1252(bytes: Uint8Array): string {
	let out = '';
	const size = 8192;
	for (let i = 0; i < bytes.length; i += size) {
		const part = bytes.subarray(i, i + size);
		out += String.fromCharCode(...part);
	}
	return out.replace(/[\x80-\x9f]/g, (c) => cp1252[c.charCodeAt(0)] ?? c);
}

/** Whether bytes look like a binary file rather than text: a NUL byte in the first 64 KB. */
export function looksBinary(bytes: Uint8Array): boolean {
	return bytes.subarray(0, 65_536).includes(0);
}
