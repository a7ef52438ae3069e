// The cartography's fiches: public contribution, reading, moderation, "Ma commune".
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx, RequestInfo } from '../../server/context';
import { cartoFicheRevisions, cartoFiches, cartoFicheTerritories } from '../../server/db/schema';
import { assertCan, can, type Actor } from '../../server/auth/policy';
import { audit } from '../../server/audit/audit';
import { assertUuid, NotFoundError, ValidationError } from '../../server/errors';
import { slugify } from '../community/rules';
import {
	canTransition,
	ficheStatusLabels,
	isFicheStatus,
	type CoverMatch,
	type FicheStatus
} from './rules';
import { parseFicheContent, snapshot, territoriesOf } from './content.server';
import { coverKeys } from './cover-keys.server';

export type { Fiche, FicheTerritory } from './content.server';

const NOT_FOUND = 'Fiche introuvable.';

/** A slug not yet taken, from the name. */
async function freeSlug(ctx: Ctx, name: string) {
	const base = slugify(name) || 'structure';
	const { rows } = await ctx.db.execute<{ slug: string }>(
		sql`select slug from carto_fiches where slug = ${base} or slug like ${`${base}-%`}`
	);
	const taken = new Set(rows.map((r) => r.slug));
	if (!taken.has(base)) return base;
	for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

const isUniqueViolation = (err: unknown) =>
	(err as { code?: string; cause?: { code?: string } }).code === '23505' ||
	(err as { cause?: { code?: string } }).cause?.code === '23505';

/**
 * A public contribution (no account needed, `actor` may be null): validates everything, then
 * creates the fiche as pending moderation, with its territories and its first revision. Nothing
 * is stored when anything is wrong: all the field messages come in one ValidationError.
 */
export async function submitFiche(ctx: Ctx, actor: Actor | null, input: unknown) {
	const { territories, ...content } = await parseFicheContent(ctx, input);
	const values = { ...content, status: 'en_attente' as const };

	for (let attempt = 0; ; attempt++) {
		const slug = await freeSlug(ctx, values.name);
		try {
			return await ctx.db.transaction(async (tx) => {
				const [fiche] = await tx
					.insert(cartoFiches)
					.values({ ...values, slug })
					.returning();
				if (territories.length > 0) {
					await tx
						.insert(cartoFicheTerritories)
						.values(territories.map((t) => ({ ficheId: fiche!.id, ...t })));
				}
				await tx.insert(cartoFicheRevisions).values({
					ficheId: fiche!.id,
					data: snapshot(fiche!, territories),
					authorId: actor?.userId ?? null,
					note: 'Proposition'
				});
				return { ...fiche!, territories };
			});
		} catch (err) {
			// Another fiche took the same slug in the meantime: take the next one.
			if (attempt < 3 && isUniqueViolation(err)) continue;
			throw err;
		}
	}
}

/**
 * A fiche by its slug. Visitors and members see only published fiches, without the contact
 * details that are not public; moderators see every fiche in full. Otherwise: NotFoundError.
 */
export async function getFiche(ctx: Ctx, actor: Actor | null, slug: string) {
	const [fiche] = await ctx.db.select().from(cartoFiches).where(eq(cartoFiches.slug, slug));
	const moderator = can(actor, 'cartographie.moderate');
	if (!fiche || (fiche.status !== 'publiee' && !moderator)) throw new NotFoundError(NOT_FOUND);
	const { search: _search, ...rest } = fiche;
	const territories = await territoriesOf(ctx.db, fiche.id);
	if (moderator) return { ...rest, territories };
	return {
		...rest,
		siret: rest.siret,
		contactEmail: rest.contactEmailPublic ? rest.contactEmail : null,
		contactPhone: rest.contactPhonePublic ? rest.contactPhone : null,
		contactWebsite: rest.contactWebsitePublic ? rest.contactWebsite : null,
		territories
	};
}

/**
 * Moves a fiche to another status (moderators). The update only applies if the fiche is still in
 * the status read just before, so when two moderators act at once, the second one gets an error
 * instead of silently overriding the first. Appends a revision and an audit entry.
 */
export async function setStatus(
	ctx: Ctx,
	actor: Actor | null,
	id: string,
	to: FicheStatus,
	note: string | null = null,
	info: RequestInfo = {},
	/** The fiche's `updatedAt` as displayed: refused like a concurrent decision when it moved. */
	seenUpdatedAt?: Date
) {
	assertCan(actor, 'cartographie.moderate');
	assertUuid(id, NOT_FOUND);
	if (!isFicheStatus(to)) throw new ValidationError({ status: 'Statut inconnu.' });
	const cleanNote = note?.trim() ? note.trim().slice(0, 2_000) : null;
	const [current] = await ctx.db
		.select({ status: cartoFiches.status })
		.from(cartoFiches)
		.where(eq(cartoFiches.id, id));
	if (!current) throw new NotFoundError(NOT_FOUND);
	const from = current.status;
	if (!canTransition(from, to)) {
		throw new ValidationError({
			status: `Une fiche « ${ficheStatusLabels[from]} » ne peut pas passer à « ${ficheStatusLabels[to]} ».`
		});
	}
	const updated = await ctx.db.transaction(async (tx) => {
		const [fiche] = await tx
			.update(cartoFiches)
			.set({
				status: to,
				updatedAt: new Date(),
				...(to === 'publiee' ? { lastVerifiedAt: new Date() } : {})
			})
			.where(
				and(
					eq(cartoFiches.id, id),
					eq(cartoFiches.status, from),
					seenUpdatedAt
						? sql`date_trunc('milliseconds', ${cartoFiches.updatedAt}) = ${seenUpdatedAt.toISOString()}::timestamptz`
						: undefined
				)
			)
			.returning();
		if (!fiche) return null;
		const territories = await territoriesOf(tx as unknown as Ctx['db'], id);
		await tx.insert(cartoFicheRevisions).values({
			ficheId: id,
			data: snapshot(fiche, territories),
			authorId: actor.userId,
			note: cleanNote ?? `${ficheStatusLabels[from]} → ${ficheStatusLabels[to]}`
		});
		await audit(
			{ ...ctx, db: tx as unknown as Ctx['db'] },
			actor,
			{
				action: 'cartographie.status',
				targetType: 'carto_fiche',
				targetId: id,
				details: { from, to, note: cleanNote }
			},
			info.ip
		);
		return fiche;
	});
	if (!updated) {
		throw new ValidationError(
			{
				status:
					"Cette fiche vient d'être modifiée par une autre personne. Rechargez la page pour voir son nouveau statut."
			},
			'La fiche a changé entre-temps.'
		);
	}
	const { search: _search, ...rest } = updated;
	return rest;
}

export type CoveringFiche = {
	id: string;
	slug: string;
	name: string;
	acronym: string | null;
	shortDescription: string;
	communeCode: string | null;
	lat: number | null;
	lon: number | null;
	matchedBy: CoverMatch;
};

/**
 * The published fiches whose territory of intervention covers a commune (INSEE code, current or
 * former): the commune itself (or, for a municipal arrondissement, its commune), its EPCI, its
 * département, its région, or the whole country. Each fiche once, with its closest match
 * (`matchedBy`), the closest first, then by name. One query, through the (kind, code) index.
 */
export async function coveringFiches(ctx: Ctx, communeCode: string): Promise<CoveringFiche[]> {
	const code = communeCode.trim();
	const { rows } = await ctx.db.execute<CoveringFiche>(sql`
		with c as (
			select code, parent_code, epci_code, departement_code, region_code
			from geo_communes
			where code = coalesce(
				(select code from geo_communes where code = ${code}),
				(select code from geo_commune_aliases where old_code = ${code})
			)
		),
		${coverKeys},
		hits as (
			select t.fiche_id, k.kind, k.rank
			from keys k
			join carto_fiche_territories t on t.kind = k.kind and t.code = k.code
			union all
			select f.id, 'national', 5 from carto_fiches f
			where f.national and f.status = 'publiee' and exists (select 1 from c)
		),
		best as (
			select distinct on (fiche_id) fiche_id, kind, rank from hits order by fiche_id, rank
		)
		select f.id, f.slug, f.name, f.acronym, f.short_description as "shortDescription",
			f.commune_code as "communeCode", f.lat, f.lon, b.kind as "matchedBy"
		from best b
		join carto_fiches f on f.id = b.fiche_id
		where f.status = 'publiee'
		order by b.rank, f.name, f.id`);
	return rows;
}
