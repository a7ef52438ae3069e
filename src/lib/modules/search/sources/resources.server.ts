/** Resources of the library, through its own search (visibility, weights and passages). */
import type { Ctx } from '../../../server/context';
import type { Actor } from '../../../server/auth/policy';
import { searchResources } from '../../ressources/search.server';
import { KIND_LABELS, type ResourceKind } from '../../ressources/labels';
import type { SourceResult } from '../types';

const year = new Intl.DateTimeFormat('fr-FR', { year: 'numeric', timeZone: 'Europe/Paris' });
const yearOf = (publishedOn: string | null, createdAt: Date) =>
	publishedOn ? publishedOn.slice(0, 4) : year.format(createdAt);

export async function searchLibrary(
	ctx: Ctx,
	actor: Actor | null,
	q: string,
	limit: number
): Promise<SourceResult> {
	const found = await searchResources(ctx, actor, { q, perPage: limit });
	return {
		total: found.total,
		items: found.items.map((r) => ({
			title: r.title,
			href: `/ressources/${r.slug}`,
			// Already safe HTML (escaped, matched words in <mark>).
			snippet: r.snippet,
			meta: [
				KIND_LABELS[r.kind as ResourceKind] ?? r.kind,
				yearOf(r.publishedOn, r.createdAt),
				r.authors.slice(0, 3).join(', ')
			]
				.filter(Boolean)
				.join(' · ')
		}))
	};
}
