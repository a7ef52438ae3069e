/**
 * The published fiches and the request helpers shared by the open data tests
 * (cartographie-opendata*.test.ts): four published fiches, one pending.
 */
import { afterAll, beforeAll } from 'vitest';
import { parse } from 'csv-parse/sync';
import { makeUser, type TestDb } from '../helpers/db';
import { createCartographieDb, ficheInput, publishFiche } from '../helpers/cartographie';
import { submitFiche } from '../../src/lib/modules/cartographie/service.server';
import {
	structuresCsv,
	structuresGeojson,
	structuresPage
} from '../../src/lib/modules/cartographie/opendata/responses.server';
import type { Actor } from '../../src/lib/server/auth/policy';

export const NAME_WITH_QUOTE = 'Coopératives "Rhône, Saône" & Cie';

export type Item = { nom: string; [key: string]: unknown };
export type PageBody = {
	total: number;
	page: number;
	pages: number;
	liens: Record<string, string | null>;
	structures: Item[];
	message?: string;
};
export type Feature = { geometry: unknown; properties: Item };
export type Collection = { type: string; crs?: unknown; features: Feature[] };

export const api = (path: string) => new URL(`http://localhost${path}`);

export const names = (items: { nom: string }[]) => items.map((i) => i.nom).sort();

/** A test database with the fiches of the open data tests, and requests against it. */
export function openDataDb() {
	const state = {} as { t: TestDb; moderator: Actor };

	const publish = (name: string, over: Record<string, unknown>) =>
		publishFiche(state.t.ctx, state.moderator, name, over);

	beforeAll(async () => {
		state.t = await createCartographieDb();
		state.moderator = (await makeUser(state.t.ctx, 'coordination')).actor;
		await publish(NAME_WITH_QUOTE, {
			territories: ['departement:69', 'region:84'],
			cooperationKinds: ['scic', 'ptce'],
			dimensions: ['gouvernance', 'juridique'],
			siret: '35600000000048',
			contactEmail: 'public@exemple.fr',
			contactEmailPublic: 'on',
			contactPhone: '04 72 00 00 01',
			contactWebsite: 'https://prive.exemple.fr'
		});
		await publish('Atelier lyonnais', {
			communeCode: '69123',
			lat: '45.76',
			lon: '4.84',
			territories: ['commune:69123'],
			cooperationKinds: ['tiers_lieu'],
			dimensions: ['strategie'],
			contactEmail: 'secret@exemple.fr',
			contactPhone: '04 72 00 00 02',
			contactPhonePublic: 'on'
		});
		await publish('Forez ensemble', {
			communeCode: '42218',
			territories: ['departement:42'],
			dimensions: ['gouvernance']
		});
		await publish('Bretagne solidaire', {
			communeCode: '35238',
			territories: ['region:53'],
			dimensions: ['gouvernance']
		});
		// Pending moderation: never exported.
		await submitFiche(
			state.t.ctx,
			null,
			ficheInput('Coopérative en attente', {
				territories: ['region:84'],
				contactEmail: 'attente@exemple.fr',
				contactEmailPublic: 'on'
			})
		);
	});
	afterAll(async () => state.t.close());

	return {
		get t() {
			return state.t;
		},
		async page(query = '') {
			const res = await structuresPage(state.t.ctx, api(`/api/v1/structures${query}`));
			return { res, body: (await res.json()) as PageBody };
		},
		async geojson(query = '') {
			const res = await structuresGeojson(state.t.ctx, api(`/api/v1/structures.geojson${query}`));
			return { res, text: await res.text() };
		},
		async csv(query = '') {
			const res = await structuresCsv(state.t.ctx, api(`/api/v1/structures.csv${query}`));
			const text = await res.text();
			return { res, text, records: parse(text, { columns: true }) as Record<string, string>[] };
		}
	};
}
