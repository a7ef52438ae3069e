// Data of the resource search benchmark: 100,000 resources of French text made deterministically
// from a vocabulary (frequent words often, rare ones seldom), 40 % of them with a document text
// of a few KB, linked to ten spaces, with one or two authors. Generated inside PostgreSQL.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/lib/server/db';

/** Frequent first: a word's chance falls with its rank. */
export const VOCABULARY = (
	'coopération coopérative coopératives territoire territoires économie sociale solidaire ' +
	'acteurs actrices réseau réseaux projet projets accompagnement formation emploi insertion ' +
	'financement financements association associations entreprise entreprises structure ' +
	'structures collectivité collectivités développement local locale locaux gouvernance ' +
	'partenariat partenariats mutualisation compétences métiers outil outils démarche ' +
	'chantier chantiers innovation sociale transition écologique alimentation agriculture ' +
	'habitat mobilité énergie numérique culture tourisme santé éducation jeunesse citoyens ' +
	'citoyenne bénévoles salariés dirigeants sociétaires coopérateurs scic scop cae pôle ' +
	'pôles territorial territoriale ecosystème écosystèmes incubateur fabrique tiers-lieu ' +
	'tiers-lieux ressourcerie recyclerie réemploi circuits courts commerce équitable monnaie ' +
	'locale épargne solidaire finance investissement subvention appel marché public achat ' +
	'responsable évaluation impact mesure utilité indicateurs diagnostic étude enquête ' +
	'questionnaire synthèse rapport référentiel fiche guide méthode webinaire replay atelier ' +
	'rencontre séminaire journée assemblée comité pilotage feuille route objectifs actions ' +
	'plaidoyer politiques publiques région département métropole commune intercommunalité ' +
	'quartier rural ruralité montagne littoral europe national nationale international ' +
	'emploi durable qualité travail conditions parcours professionnalisation reconnaissance ' +
	'valorisation communication récit mémoire capitalisation essaimage changement échelle'
).split(' ');

/** Words found in about one resource in 2,000. */
export const RARE = (
	'zéphyrine ocarina boulangerie-paysanne quinoa glaneurs ostréiculture vannerie apiculture ' +
	'luthiers tonnellerie cordonnerie horlogerie menuiserie-solidaire sérigraphie ' +
	'reliure chaudronnerie maraîchage-bio vélorution fromagerie brasserie-coopérative'
).split(' ');

export const SPACES = 10;
const SENTENCES = 3000;

/**
 * Inserts `total` resources from number `from` (1-based), in batches; `progress` after each.
 * u(n, k) is a uniform number in [0, 1) from the row number and a salt, the same on every run.
 */
export async function fillResources(
	db: Db,
	total: number,
	progress: (done: number) => void,
	batch = 5000
) {
	await db.execute(sql`
		insert into spaces (slug, kind, title)
		select 'bench-espace-' || s, 'chantier', 'Espace de mesure ' || s from generate_series(1, ${SPACES}) s
		on conflict (slug) do nothing`);
	// Functions of the bench database (their bodies are literals: the word lists are inlined).
	const list = (words: string[]) => {
		if (!words.every((w) => /^[\p{L}-]+$/u.test(w))) throw new Error('unexpected word');
		return `array[${words.map((w) => `'${w}'`).join(',')}]`;
	};
	await db.execute(
		sql.raw(`create or replace function bench_u(n int, k int) returns float8 language sql immutable as
		$$ select (hashint4(n * 7919 + k) & 2147483647)::float8 / 2147483648 $$`)
	);
	await db.execute(
		sql.raw(`create or replace function bench_w(n int, k int) returns text language sql immutable as $$
			select case when bench_u(n, k + 500000) < 0.0005
				then (${list(RARE)})[1 + floor(bench_u(n, k + 900000) * ${RARE.length})::int]
				else (${list(VOCABULARY)})[1 + floor(power(bench_u(n, k), 2.2) * ${VOCABULARY.length})::int]
			end $$`)
	);
	await db.execute(
		sql.raw(`create or replace function bench_words(n int, salt int, count int) returns text language sql immutable as
		$$ select string_agg(bench_w(n, salt + k), ' ') from generate_series(1, count) k $$`)
	);
	// 3,000 sentences of 8 to 19 words; descriptions and documents are made of them (a function
	// call per word of 100,000 documents would take too long), rare words added per resource.
	await db.execute(sql`drop table if exists bench_sentences`);
	await db.execute(sql`
		create table bench_sentences as
		select k as id, initcap(bench_w(k, 7)) || ' ' || bench_words(k, 20000, 7 + k % 12) || '.' as s
		from generate_series(0, ${SENTENCES - 1}) k`);
	await db.execute(sql`alter table bench_sentences add primary key (id)`);
	await db.execute(
		sql.raw(`create or replace function bench_text(n int, salt int, count int) returns text language sql stable as
		$$ select string_agg(s, ' ' order by k) from generate_series(1, count) k
			join bench_sentences on id = floor(bench_u(n, salt + k) * ${SENTENCES})::int $$`)
	);
	// The GIN indexes are built once at the end rather than updated row by row.
	const indexes = (
		await db.execute<{ name: string; def: string }>(sql`
			select indexname as name, indexdef as def from pg_indexes
			where tablename = 'resources' and indexname in ('resources_search_idx', 'resources_title_trgm_idx')`)
	).rows;
	for (const i of indexes) await db.execute(sql.raw(`drop index ${i.name}`));
	for (let start = 1; start <= total; start += batch) {
		const end = Math.min(total, start + batch - 1);
		await db.execute(sql`
			insert into resources (slug, title, kind, description, published_on, themes, tags, tags_text,
				licence, visibility, document_text, text_status, file_key, file_name, file_type, file_size, created_at)
			select 'mesure-' || n,
				initcap(bench_w(n, 1)) || ' ' || bench_words(n, 2, 2 + (n % 4)) || ' ' || (n % 97),
				(enum_range(null::resource_kind))[1 + n % 8],
				bench_text(n, 100, 2 + n % 4) || case when bench_u(n, 3) < 0.01 then ' ' || (${sql.param(RARE)}::text[])[1 + floor(bench_u(n, 4) * ${RARE.length}::int)::int] || '.' else '' end,
				case when n % 5 = 0 then null else date '2016-01-01' + (n * 37 % 3650) end,
				array[(array['competences-metiers','outils-financiers','accompagnement',
					'ecosystemes-territoriaux','cooperations-national-local'])[1 + n % 5]]
					|| case when n % 3 = 0 then array['accompagnement'] else '{}'::text[] end,
				t.tags, array_to_string(t.tags, ' '),
				(array['CC-BY-SA-4.0','CC-BY-SA-4.0','CC-BY-SA-4.0','CC-BY-4.0','etalab-2.0','tous-droits-reserves'])[1 + n % 6],
				(case when n % 12 = 0 then 'members' when n % 25 = 1 then 'space' else 'public' end)::page_visibility,
				d.text, case when d.text is null then 'none' else 'indexed' end::resource_text_status,
				case when d.text is null then null else 'ressources/mesure/' || n end,
				case when d.text is null then null else 'document-' || n || '.pdf' end,
				case when d.text is null then null else 'application/pdf' end,
				case when d.text is null then null else 20000 + n % 900000 end,
				timestamptz '2019-01-01' + make_interval(hours => n)
			from generate_series(${start}::int, ${end}::int) n,
				lateral (select array[bench_w(n, 50), bench_w(n, 51)] as tags) t,
				lateral (select case when n % 5 in (1, 3) then bench_text(n, 1000, 30 + n % 50) end as text) d`);
		await db.execute(sql`
			insert into resource_authors (resource_id, position, name)
			select r.id, p, (array['Camille Martin','Alex Bernard','Dominique Petit','Claude Robert',
				'Labo de l’ESS','ESS France','Réseau des CRESS','Coop’Agir'])[1 + ((hashtext(r.slug) & 7) + p) % 8]
			from resources r, generate_series(0, 1) p
			where r.slug = any(select 'mesure-' || n from generate_series(${start}::int, ${end}::int) n)
				and (p = 0 or length(r.slug) % 2 = 0)`);
		await db.execute(sql`
			insert into resource_spaces (resource_id, space_id)
			select r.id, s.id from resources r
			join spaces s on s.slug = 'bench-espace-' || (1 + substr(r.slug, 8)::int % ${SPACES})
			where r.slug = any(select 'mesure-' || n from generate_series(${start}::int, ${end}::int) n)
				and (substr(r.slug, 8)::int % 3 = 0 or r.visibility = 'space')`);
		progress(end);
	}
	for (const i of indexes) await db.execute(sql.raw(i.def));
	await db.execute(sql`analyze resources, resource_authors, resource_spaces`);
}
