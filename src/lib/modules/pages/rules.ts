/**
 * Pure rules of the wiki: what a valid page is, slugs, the merge proposal offered when two people
 * edited the same revision. No database, no framework.
 */
import { diff3Merge } from 'node-diff3';

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 300;
/** Bytes of Markdown in one revision. */
export const BODY_MAX_BYTES = 500 * 1024;
export const VISIBILITIES = ['public', 'members', 'space'] as const;
export type PageVisibility = (typeof VISIBILITIES)[number];

export interface PageInput {
	title: string;
	body: string;
	summary: string | null;
	visibility: PageVisibility;
}

/** Checks what was typed; returns the cleaned input and one French message per bad field. */
export function checkPageInput(
	raw: { title?: unknown; body?: unknown; summary?: unknown; visibility?: unknown },
	inSpace: boolean
): { value: PageInput; errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	const title = String(raw.title ?? '').trim();
	const body = String(raw.body ?? '').replace(/\r\n/g, '\n');
	const summary = String(raw.summary ?? '').trim();
	const visibility = String(raw.visibility ?? 'public') as PageVisibility;
	if (!title) errors.title = 'Indiquez un titre.';
	else if (title.length > TITLE_MAX) errors.title = `Le titre dépasse ${TITLE_MAX} caractères.`;
	if (Buffer.byteLength(body, 'utf8') > BODY_MAX_BYTES) {
		errors.body = 'Le contenu dépasse 500 Ko : découpez-le en plusieurs pages.';
	}
	if (summary.length > SUMMARY_MAX) errors.summary = `Le résumé dépasse ${SUMMARY_MAX} caractères.`;
	const allowed: readonly string[] = inSpace ? VISIBILITIES : ['public', 'members'];
	if (!allowed.includes(visibility)) errors.visibility = 'Choisissez une visibilité proposée.';
	return { value: { title, body, summary: summary || null, visibility }, errors };
}

/** URL name from a title: lower case, no accents, words joined by dashes. */
export function slugify(title: string): string {
	return (
		title
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 80)
			.replace(/-+$/, '') || 'page'
	);
}

/** The first free slug among `base`, `base-2`, `base-3`… */
export function freeSlug(base: string, taken: ReadonlySet<string>): string {
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export interface MergeProposal {
	/** True when both changes could be combined without overlap. */
	clean: boolean;
	/** The merged text, with marked passages where both changed the same lines. */
	text: string;
	conflicts: number;
}

/**
 * Three-way merge by lines of the current text and the submitted one, from their common base.
 * Overlapping changes are kept both, between French markers the person edits away.
 */
export function mergeProposal(base: string, current: string, mine: string): MergeProposal {
	const lines = (s: string) => s.split('\n');
	const regions = diff3Merge(lines(current), lines(base), lines(mine), {
		excludeFalseConflicts: true
	});
	const out: string[] = [];
	let conflicts = 0;
	for (const r of regions) {
		if (r.ok) out.push(...r.ok);
		else if (r.conflict) {
			conflicts++;
			out.push(
				'<<<<<<< Version enregistrée entre-temps',
				...r.conflict.a,
				'=======',
				...r.conflict.b,
				'>>>>>>> Votre version'
			);
		}
	}
	return { clean: conflicts === 0, text: out.join('\n'), conflicts };
}
