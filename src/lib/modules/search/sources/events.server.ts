/** Events of the agenda the person may see (canSeeEvent, as the agenda's views filter it). */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../server/context';
import type { Actor } from '../../../server/auth/policy';
import { events } from '../../../server/db/schema';
import { visibleTo } from '../../agenda/views-query.server';
import { formatWhen, formatWhere } from '../../agenda/event-item';
import { eventKindLabels } from '../../agenda/labels';
import { markedToHtml, plainText } from '../query';
import { headline, tsQuery } from '../sql.server';
import type { SourceResult } from '../types';

const document = sql`setweight(to_tsvector('fr_unaccent', ${events.title}), 'A')
	|| setweight(to_tsvector('fr_unaccent', coalesce(${events.placeName}, '') || ' ' || coalesce(${events.address}, '')), 'B')
	|| setweight(to_tsvector('fr_unaccent', coalesce(${events.description}, '')), 'C')`;

export async function searchEvents(
	ctx: Ctx,
	actor: Actor | null,
	q: string,
	limit: number
): Promise<SourceResult> {
	const query = tsQuery(q);
	const rows = await ctx.db
		.select({
			slug: events.slug,
			title: events.title,
			kind: events.kind,
			startsAt: events.startsAt,
			endsAt: events.endsAt,
			allDay: events.allDay,
			placeName: events.placeName,
			address: events.address,
			onlineUrl: events.onlineUrl,
			status: events.status,
			commune: sql<
				string | null
			>`(select c.nom from geo_communes c where c.code = ${events.communeInsee})`,
			passage: headline(events.description, q),
			total: sql<number>`count(*) over ()::int`
		})
		.from(events)
		.where(sql`${document} @@ ${query} and ${visibleTo(actor)}`)
		// Coming events first among equally relevant ones, then the latest past ones.
		.orderBy(
			sql`ts_rank(${document}, ${query}) desc`,
			sql`${events.startsAt} < now()`,
			sql`abs(extract(epoch from ${events.startsAt} - now()))`
		)
		.limit(limit);
	return {
		total: rows[0]?.total ?? 0,
		items: rows.map((r) => {
			const where = formatWhere(r);
			const parts = [eventKindLabels[r.kind], formatWhen(r), where];
			if (r.status === 'annule') parts.push('annulé');
			return {
				title: r.title,
				href: `/agenda/${r.slug}`,
				snippet: markedToHtml(plainText(r.passage)),
				meta: parts.filter(Boolean).join(' · ')
			};
		})
	};
}
