import { describe, expect, it } from 'vitest';
import {
	addMonths,
	canTransition,
	checkSiret,
	excerpt,
	ficheStatuses,
	franceBoxes,
	hasHtmlTag,
	isInFrance,
	luhn,
	nextStatuses,
	pointProblem,
	SHORT_DESCRIPTION_MAX,
	shortDescriptionProblem,
	siretMessages,
	stale,
	type FicheStatus
} from './rules';

/** A small deterministic random generator (mulberry32), so that failures can be replayed. */
function random(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const digit = (rand: () => number) => String(Math.floor(rand() * 10));
const digits = (rand: () => number, n: number) =>
	Array.from({ length: n }, () => digit(rand)).join('');

/** The last digit that makes `head` + digit pass the Luhn check. */
function luhnComplete(head: string) {
	for (let d = 0; d <= 9; d++) if (luhn(`${head}${d}`)) return `${head}${d}`;
	throw new Error('unreachable');
}

describe('checkSiret', () => {
	it('accepts real SIRET numbers, with or without spaces', () => {
		// Head offices of well-known public bodies.
		expect(checkSiret('73282932000074')).toBeNull();
		expect(checkSiret('732 829 320 00074')).toBeNull();
		expect(checkSiret(' 35600000000048 ')).toBeNull();
	});

	it('refuses what is not 14 digits', () => {
		for (const bad of [
			'',
			'1234',
			'7328293200007',
			'732829320000744',
			'7328293200007A',
			'73282932O00074'
		]) {
			expect(checkSiret(bad)).toBe(siretMessages.format);
		}
	});

	it('refuses a wrong check digit', () => {
		expect(checkSiret('73282932000075')).toBe(siretMessages.checksum);
	});

	it('accepts every Luhn-valid number and refuses every single-digit change (2,000 random cases)', () => {
		const rand = random(42);
		for (let i = 0; i < 2_000; i++) {
			let head = digits(rand, 13);
			if (head.startsWith('356000000')) head = `1${head.slice(1)}`;
			const siret = luhnComplete(head);
			expect(checkSiret(siret), siret).toBeNull();
			const pos = Math.floor(rand() * 14);
			const old = Number(siret[pos]);
			const changed = (old + 1 + Math.floor(rand() * 9)) % 10;
			const wrong = `${siret.slice(0, pos)}${changed}${siret.slice(pos + 1)}`;
			expect(checkSiret(wrong), wrong).toBe(siretMessages.checksum);
		}
	});

	it('accepts La Poste establishments whose digits add up to a multiple of 5 (1,000 random cases)', () => {
		const rand = random(7);
		for (let i = 0; i < 1_000; i++) {
			const nic = digits(rand, 5);
			const siret = `356000000${nic}`;
			const sum = [...siret].reduce((s, c) => s + Number(c), 0);
			expect(checkSiret(siret), siret).toBe(
				sum % 5 === 0 || luhn(siret) ? null : siretMessages.checksum
			);
		}
		// Examples: 3+5+6+0+0+0+0+0+0 = 14, plus 0,0,0,0,1 → 15.
		expect(checkSiret('35600000000001')).toBeNull();
		expect(checkSiret('35600000000002')).toBe(siretMessages.checksum);
		expect(checkSiret('35600000012345')).toBe(siretMessages.checksum); // 14 + 15 = 29
		expect(checkSiret('35600000012346')).toBeNull(); // 30
	});

	it('accepts La Poste’s head office by the Luhn rule', () => {
		expect([...'35600000000048'].reduce((s, c) => s + Number(c), 0) % 5).not.toBe(0);
		expect(luhn('35600000000048')).toBe(true);
		expect(checkSiret('356 000 000 00048')).toBeNull();
	});
});

describe('texts', () => {
	it('limits the short description to 280 characters, counted as people count them', () => {
		expect(shortDescriptionProblem('')).toMatch(/Indiquez/);
		expect(shortDescriptionProblem('a'.repeat(280))).toBeNull();
		expect(shortDescriptionProblem('é'.repeat(280))).toBeNull();
		// Emoji are one character each, as in PostgreSQL's char_length.
		expect(shortDescriptionProblem('🌱'.repeat(280))).toBeNull();
		expect(shortDescriptionProblem('a'.repeat(281))).toMatch(/280 caractères \(actuellement 281\)/);
	});

	it('makes excerpts that never exceed the limit and end on a word', () => {
		expect(excerpt('  Un   texte\ncourt. ')).toBe('Un texte court.');
		const long = 'Accompagnement des coopérations territoriales, '.repeat(20);
		const short = excerpt(long);
		expect([...short].length).toBeLessThanOrEqual(SHORT_DESCRIPTION_MAX);
		expect(short.endsWith('…')).toBe(true);
		expect(excerpt('abcdefghij', 5)).toBe('abcd…');
		const rand = random(3);
		for (let i = 0; i < 500; i++) {
			const words = Array.from({ length: 1 + Math.floor(rand() * 80) }, () =>
				'mot'.repeat(1 + Math.floor(rand() * 5))
			).join(rand() < 0.5 ? ' ' : '  ');
			const max = 10 + Math.floor(rand() * 300);
			const out = excerpt(words, max);
			expect([...out].length).toBeLessThanOrEqual(max);
			if ([...words.replace(/\s+/g, ' ').trim()].length <= max) expect(out).not.toContain('…');
		}
	});

	it('finds HTML tags, not comparisons', () => {
		for (const html of [
			'<b>gras</b>',
			'<script>alert(1)</script>',
			'x <img src=x onerror=alert(1)>',
			'</p>',
			'<!-- c -->'
		]) {
			expect(hasHtmlTag(html), html).toBe(true);
		}
		for (const text of [
			'< a href="x">',
			'a < b et c > d',
			'3 < 5',
			'flèche ->',
			'<3',
			'x<5 et y>2'
		]) {
			expect(hasHtmlTag(text), text).toBe(false);
		}
	});
});

describe('statuses', () => {
	it('follows brouillon → en attente → publiée | refusée; publiée → archivée; refusée → en attente', () => {
		expect(nextStatuses('brouillon')).toEqual(['en_attente']);
		expect(nextStatuses('en_attente')).toEqual(['publiee', 'refusee']);
		expect(nextStatuses('publiee')).toEqual(['archivee']);
		expect(nextStatuses('refusee')).toEqual(['en_attente']);
		expect(nextStatuses('archivee')).toEqual([]);
		expect(canTransition('en_attente', 'publiee')).toBe(true);
		expect(canTransition('brouillon', 'publiee')).toBe(false);
		expect(canTransition('refusee', 'publiee')).toBe(false);
	});

	it('agrees with nextStatuses on every pair, and never stays in place', () => {
		const allowed = new Set([
			'brouillon>en_attente',
			'en_attente>publiee',
			'en_attente>refusee',
			'publiee>archivee',
			'refusee>en_attente'
		]);
		for (const from of ficheStatuses) {
			for (const to of ficheStatuses) {
				expect(canTransition(from, to), `${from}>${to}`).toBe(allowed.has(`${from}>${to}`));
				expect(canTransition(from, to)).toBe(nextStatuses(from).includes(to));
			}
			expect(canTransition(from, from)).toBe(false);
		}
	});

	it('reaches publication from a draft, and every status from brouillon', () => {
		const reached = new Set<FicheStatus>(['brouillon']);
		let frontier: FicheStatus[] = ['brouillon'];
		while (frontier.length > 0) {
			frontier = frontier.flatMap((s) => nextStatuses(s).filter((n) => !reached.has(n)));
			for (const s of frontier) reached.add(s);
		}
		expect([...reached].sort()).toEqual([...ficheStatuses].sort());
	});
});

describe('isInFrance', () => {
	it('accepts places of metropolitan France, Corsica and the five DROM', () => {
		const places: [string, number, number][] = [
			['Paris', 48.8566, 2.3522],
			['Lyon', 45.764, 4.8357],
			['Brest', 48.3904, -4.4861],
			['Ouessant', 48.4597, -5.0955],
			['Strasbourg', 48.5734, 7.7521],
			['Menton', 43.7747, 7.4975],
			['Perpignan', 42.6887, 2.8948],
			['Dunkerque', 51.0343, 2.3768],
			['Ajaccio', 41.9192, 8.7386],
			['Bonifacio', 41.3875, 9.1594],
			['Bastia', 42.6973, 9.4509],
			['Pointe-à-Pitre', 16.2411, -61.5331],
			['Fort-de-France', 14.6161, -61.0588],
			['Cayenne', 4.9224, -52.3135],
			['Saint-Denis (La Réunion)', -20.8789, 55.4481],
			['Mamoudzou', -12.7806, 45.2279]
		];
		for (const [name, lat, lon] of places) expect(isInFrance(lat, lon), name).toBe(true);
	});

	it('refuses places outside, swapped coordinates and non-numbers', () => {
		const places: [string, number, number][] = [
			['Londres', 51.5072, -0.1276],
			['Amsterdam', 52.3676, 4.9041],
			['Rome', 41.9028, 12.4964],
			['Lisbonne', 38.7223, -9.1393],
			['Madrid', 40.4168, -3.7038],
			['Barcelone', 41.3874, 2.1686],
			['Sardaigne', 40.1209, 9.0129],
			['Nouméa (COM, pas un DROM)', -22.2758, 166.458],
			['Saint-Pierre (COM)', 46.7811, -56.1764],
			['Paris inversé', 2.3522, 48.8566],
			['Null Island', 0, 0]
		];
		for (const [name, lat, lon] of places) expect(isInFrance(lat, lon), name).toBe(false);
		expect(isInFrance(Number.NaN, 2)).toBe(false);
		expect(isInFrance(48, Number.POSITIVE_INFINITY)).toBe(false);
		expect(pointProblem(0, 0)).toMatch(/en dehors de la France/);
		expect(pointProblem(48.85, 2.35)).toBeNull();
	});

	it('accepts every point of every box and refuses points just outside all of them (random)', () => {
		const rand = random(11);
		for (const box of franceBoxes) {
			for (let i = 0; i < 200; i++) {
				const lat = box.minLat + rand() * (box.maxLat - box.minLat);
				const lon = box.minLon + rand() * (box.maxLon - box.minLon);
				expect(isInFrance(lat, lon), `${box.name} ${lat} ${lon}`).toBe(true);
			}
		}
		for (let i = 0; i < 2_000; i++) {
			const lat = -90 + rand() * 180;
			const lon = -180 + rand() * 360;
			const inside = franceBoxes.some(
				(b) => lat >= b.minLat && lat <= b.maxLat && lon >= b.minLon && lon <= b.maxLon
			);
			expect(isInFrance(lat, lon)).toBe(inside);
		}
	});
});

describe('stale', () => {
	it('flags fiches never verified or not verified for 18 months', () => {
		const verified = new Date('2025-01-15T10:00:00Z');
		expect(stale(null, new Date('2025-01-01T00:00:00Z'))).toBe(true);
		expect(stale(verified, new Date('2026-07-15T09:59:59Z'))).toBe(false);
		expect(stale(verified, new Date('2026-07-15T10:00:00Z'))).toBe(true);
		expect(stale(verified, verified)).toBe(false);
	});

	it('counts calendar months, clamping to the end of shorter months', () => {
		expect(addMonths(new Date('2024-08-31T00:00:00Z'), 18).toISOString()).toBe(
			'2026-02-28T00:00:00.000Z'
		);
		expect(addMonths(new Date('2022-08-31T00:00:00Z'), 18).toISOString()).toBe(
			'2024-02-29T00:00:00.000Z'
		);
	});

	it('is monotonic: once stale, stays stale (random dates)', () => {
		const rand = random(5);
		for (let i = 0; i < 1_000; i++) {
			const verified = new Date(Date.UTC(2020, 0, 1) + rand() * 5 * 365 * 86_400_000);
			const a = new Date(verified.getTime() + rand() * 3 * 365 * 86_400_000);
			const b = new Date(a.getTime() + rand() * 365 * 86_400_000);
			if (stale(verified, a)) expect(stale(verified, b)).toBe(true);
			// Before 17 months (at most 31 × 17 days… at least 516 days): never stale.
			const early = new Date(verified.getTime() + rand() * 500 * 86_400_000);
			expect(stale(verified, early)).toBe(false);
			// After 19 × 31 days: always stale.
			const late = new Date(verified.getTime() + (589 + rand() * 1_000) * 86_400_000);
			expect(stale(verified, late)).toBe(true);
		}
	});
});
