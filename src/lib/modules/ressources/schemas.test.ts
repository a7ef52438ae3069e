import { describe, expect, it } from 'vitest';
import { parseAuthors, parseTags, resourceSchema } from './schemas';

const base = { title: 'Vers une société de la coopération', kind: 'rapport', visibility: 'public' };

describe('parseTags', () => {
	it('splits on commas and semicolons, trims and collapses spaces', () => {
		expect(parseTags(' tiers-lieux ,  PTCE;   modèle   économique ,')).toEqual([
			'tiers-lieux',
			'PTCE',
			'modèle économique'
		]);
	});
	it('drops duplicates without regard to case or accents, keeping the first spelling', () => {
		expect(parseTags('Coopération, cooperation, COOPÉRATION, gouvernance')).toEqual([
			'Coopération',
			'gouvernance'
		]);
	});
});

describe('parseAuthors', () => {
	it('keeps one author per non-empty line, once', () => {
		expect(parseAuthors('ESS France\n\n  Le Labo de l’ESS \nESS France')).toEqual([
			'ESS France',
			'Le Labo de l’ESS'
		]);
	});
});

describe('resourceSchema', () => {
	it('applies the defaults: CC BY-SA 4.0, French, no theme', () => {
		const v = resourceSchema.parse(base);
		expect(v).toMatchObject({ licence: 'CC-BY-SA-4.0', language: 'fr', themes: [], tags: [] });
	});
	it('refuses a space visibility without a space, next to the spaces field', () => {
		const r = resourceSchema.safeParse({ ...base, visibility: 'space' });
		expect(r.success).toBe(false);
		expect(r.error?.issues[0]?.path).toEqual(['spaceIds']);
	});
	it('refuses an unknown theme, a bad date and a link that is not http(s)', () => {
		const r = resourceSchema.safeParse({
			...base,
			themes: ['inconnu'],
			publishedOn: '2024-02-31x',
			externalUrl: 'javascript:alert(1)'
		});
		expect(r.success).toBe(false);
		const paths = r.error!.issues.map((i) => i.path[0]);
		expect(paths).toEqual(expect.arrayContaining(['themes', 'publishedOn', 'externalUrl']));
	});
	it('refuses more than 20 tags', () => {
		const tags = Array.from({ length: 21 }, (_, i) => `mot${i}`).join(',');
		expect(resourceSchema.safeParse({ ...base, tags }).success).toBe(false);
	});
});
