/** The agenda's list filters, read from and written to the address (shareable). Pure. */
import { EVENT_KINDS, type EventKind } from './labels';

export interface ViewFilters {
	/** None means every kind. */
	kinds: EventKind[];
	/** A space's slug, or null for all. */
	space: string | null;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** `?type=copil&type=webinaire&espace=chantier-1`; unknown values are ignored. */
export function parseViewFilters(params: URLSearchParams): ViewFilters {
	const kinds = EVENT_KINDS.filter((k) => params.getAll('type').includes(k));
	const space = params.get('espace')?.trim() ?? '';
	return { kinds, space: SLUG.test(space) ? space : null };
}

/** Page number from `?page=`, 1 when absent or invalid. */
export function parsePage(params: URLSearchParams): number {
	const n = Number(params.get('page') ?? '1');
	return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

/** The query string of the filters (with a leading « ? », or empty), plus extra parameters. */
export function filtersQuery(filters: ViewFilters, extra: Record<string, string> = {}): string {
	const params = new URLSearchParams();
	for (const k of filters.kinds) params.append('type', k);
	if (filters.space) params.set('espace', filters.space);
	for (const [key, value] of Object.entries(extra)) params.set(key, value);
	const text = params.toString();
	return text ? `?${text}` : '';
}

export const hasFilters = (f: ViewFilters) => f.kinds.length > 0 || f.space !== null;
