// Checks on what a sender says about a file: its name and how large it may be.

export const MAX_NAME_LENGTH = 200;

// C0 and C1 control characters, DEL included.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The name to keep for an uploaded file (NFC, as given otherwise), or the French reason it is
 * refused: a name that could be read as a path, or that carries control characters.
 */
export function checkFileName(raw: string): { name: string } | { error: string } {
	const name = raw.normalize('NFC');
	if (name.includes('..') || name.includes('/') || name.includes('\\') || CONTROL.test(name)) {
		return {
			error:
				'Le nom du fichier ne doit contenir ni « .. », ni « / », ni « \\ », ni caractère de contrôle : renommez le fichier.'
		};
	}
	if (name.trim() === '') return { error: 'Le nom du fichier est vide : renommez le fichier.' };
	if ([...name].length > MAX_NAME_LENGTH) {
		return {
			error: `Le nom du fichier ne doit pas dépasser ${MAX_NAME_LENGTH} caractères : renommez le fichier.`
		};
	}
	return { name };
}

/** "50 Mo", "1,5 Mo": a byte limit as French users read it (1 Mo = 1 048 576 octets). */
export function formatMegabytes(bytes: number): string {
	const mb = bytes / (1024 * 1024);
	return `${mb.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

export function tooLargeMessage(maxBytes: number): string {
	return `Le fichier dépasse ${formatMegabytes(maxBytes)}.`;
}

/** "PDF, ODT ou PNG": the labels of the accepted types, each once. */
export function acceptedList(accept: Record<string, string>): string {
	const labels = [...new Set(Object.values(accept))];
	if (labels.length <= 1) return labels.join('');
	return `${labels.slice(0, -1).join(', ')} ou ${labels.at(-1)}`;
}

export function refusedTypeMessage(accept: Record<string, string>, svg: boolean): string {
	const intro = svg
		? 'Les images SVG ne sont pas acceptées.'
		: 'Format de fichier non accepté (reconnu d’après son contenu).';
	return `${intro} Formats acceptés : ${acceptedList(accept)}.`;
}

/** Whether the first bytes of a file look like an SVG document (text formats escape detection). */
export function looksLikeSvg(head: Uint8Array): boolean {
	const text = new TextDecoder('utf-8', { fatal: false })
		.decode(head.subarray(0, 4096))
		.replace(/^\uFEFF/, '')
		.trimStart()
		.toLowerCase();
	return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/.test(text);
}
