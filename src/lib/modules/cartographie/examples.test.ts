import { describe, expect, it } from 'vitest';
import { generateExampleFiches, mulberry32, ofPlace, type ExampleCommune } from './examples';
import { referenceData } from './reference-data';
import { charLength } from './rules';

const communes: ExampleCommune[] = [
	{
		code: '69123',
		nom: 'Lyon',
		departement: '69',
		region: '84',
		epci: '200046977',
		lat: 45.758,
		lon: 4.835,
		population: 520_000
	},
	{
		code: '42218',
		nom: 'Saint-Étienne',
		departement: '42',
		region: '84',
		epci: '244200770',
		lat: 45.434,
		lon: 4.39,
		population: 173_000
	},
	{
		code: '38185',
		nom: 'Grenoble',
		departement: '38',
		region: '84',
		epci: '200040715',
		lat: 45.188,
		lon: 5.724,
		population: 158_000
	},
	{
		code: '72181',
		nom: 'Le Mans',
		departement: '72',
		region: '52',
		epci: '247200132',
		lat: 48.0,
		lon: 0.2,
		population: 145_000
	},
	{
		code: '97411',
		nom: 'Saint-Denis',
		departement: '974',
		region: '04',
		epci: null,
		lat: -20.88,
		lon: 55.45,
		population: 153_000
	},
	{
		code: '01001',
		departement: '01',
		region: '84',
		epci: null,
		lat: 46.15,
		lon: 4.92,
		population: null
	}
];
const now = new Date('2026-06-01T00:00:00Z');
const codes = (list: keyof typeof referenceData) => new Set(referenceData[list].map((i) => i.code));

describe('mulberry32', () => {
	it('is deterministic and in [0, 1)', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		const xs = Array.from({ length: 1000 }, () => a());
		expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
		expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
		expect(mulberry32(43)()).not.toBe(xs[0]);
	});
});

describe('generateExampleFiches', () => {
	it('gives the same fiches for the same seed, others for another seed', () => {
		const a = generateExampleFiches(communes, 200, { seed: 7, now });
		expect(generateExampleFiches(communes, 200, { seed: 7, now })).toEqual(a);
		expect(generateExampleFiches(communes, 200, { seed: 8, now })).not.toEqual(a);
	});

	it('respects the constraints of a fiche', () => {
		const fiches = generateExampleFiches(communes, 2000, { seed: 3, now });
		expect(fiches).toHaveLength(2000);
		const byCode = new Map(communes.map((c) => [c.code, c]));
		const lists = {
			cooperationKinds: codes('cooperation_kind'),
			dimensions: codes('dimension'),
			modalities: codes('modality'),
			stages: codes('stage')
		};
		for (const f of fiches) {
			expect(f.name.startsWith('Exemple – ')).toBe(true);
			expect(charLength(f.shortDescription)).toBeLessThanOrEqual(280);
			expect(f.shortDescription.length).toBeGreaterThan(20);
			for (const [field, known] of Object.entries(lists)) {
				const values = f[field as keyof typeof lists];
				expect(values.length).toBeGreaterThan(0);
				expect(values.every((c) => known.has(c))).toBe(true);
				expect(new Set(values).size).toBe(values.length);
			}
			expect(codes('cost').has(f.cost)).toBe(true);
			expect(f.contactEmail).toMatch(/^contact@exemple-\d+\.example\.org$/);
			expect(f.contactPhone).toBeNull();
			expect(f.contactWebsite).toBeNull();
			expect(f.status).toBe('publiee');
			const c = byCode.get(f.communeCode)!;
			expect([f.lat, f.lon]).toEqual([c.lat, c.lon]);
			// The territory contains the commune.
			if (f.national) {
				expect(f.territories).toEqual([]);
			} else {
				expect(f.territories.length).toBeGreaterThan(0);
				const own = { commune: c.code, epci: c.epci, departement: c.departement, region: c.region };
				expect(f.territories.some((t) => own[t.kind] === t.code)).toBe(true);
				for (const t of f.territories.filter((t) => t.kind === 'departement')) {
					expect(communes.some((x) => x.departement === t.code && x.region === c.region)).toBe(
						true
					);
				}
			}
			const age = now.getTime() - f.lastVerifiedAt.getTime();
			expect(age).toBeGreaterThanOrEqual(0);
			expect(age).toBeLessThanOrEqual(731 * 86_400_000);
		}
		expect(new Set(fiches.map((f) => f.slug)).size).toBe(fiches.length);
		expect(new Set(fiches.map((f) => f.contactEmail)).size).toBe(fiches.length);
	});

	it('spreads territories, dimensions and freshness plausibly', () => {
		const fiches = generateExampleFiches(communes, 5000, { seed: 11, now });
		const share = (p: (f: (typeof fiches)[number]) => boolean) =>
			fiches.filter(p).length / fiches.length;
		expect(share((f) => f.national)).toBeCloseTo(0.1, 1);
		expect(share((f) => f.territories[0]?.kind === 'region')).toBeCloseTo(0.3, 1);
		expect(share((f) => f.territories[0]?.kind === 'departement')).toBeCloseTo(0.45, 1);
		expect(share((f) => ['epci', 'commune'].includes(f.territories[0]?.kind ?? ''))).toBeCloseTo(
			0.15,
			1
		);
		expect(share((f) => f.dimensions.length >= 3 && f.dimensions.length <= 4)).toBeGreaterThan(0.6);
		const stale = share((f) => now.getTime() - f.lastVerifiedAt.getTime() > 548 * 86_400_000);
		expect(stale).toBeGreaterThan(0.1);
		expect(stale).toBeLessThan(0.3);
		// Weighted by population: Lyon more often than Le Mans, the commune without one rarely.
		const at = (code: string) => fiches.filter((f) => f.communeCode === code).length;
		expect(at('69123')).toBeGreaterThan(at('72181'));
		expect(at('01001')).toBeLessThan(5);
	});

	it('takes a prefix, a status and a first number', () => {
		const [f] = generateExampleFiches(communes, 1, {
			prefix: 'Essai – ',
			status: 'en_attente',
			first: 501,
			now
		});
		expect(f!.name.startsWith('Essai – ')).toBe(true);
		expect(f!.status).toBe('en_attente');
		expect(f!.contactEmail).toBe('contact@exemple-501.example.org');
		expect(generateExampleFiches([], 10)).toEqual([]);
	});

	it('names places in French', () => {
		expect(ofPlace('Lyon')).toBe('de Lyon');
		expect(ofPlace('Annecy')).toBe("d'Annecy");
		expect(ofPlace('Le Mans')).toBe('du Mans');
		expect(ofPlace("Les Sables-d'Olonne")).toBe("des Sables-d'Olonne");
		expect(ofPlace("L'Haÿ-les-Roses")).toBe("de l'Haÿ-les-Roses");
	});
});
