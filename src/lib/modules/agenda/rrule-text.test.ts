import { describe, expect, it } from 'vitest';
import { describeRrule } from './rrule-text';

describe('describeRrule', () => {
	it('says common rules in French', () => {
		expect(describeRrule('FREQ=MONTHLY;BYDAY=1TU')).toBe('tous les premiers mardis du mois');
		expect(describeRrule('FREQ=MONTHLY;BYDAY=-1FR')).toBe('tous les derniers vendredis du mois');
		expect(describeRrule('FREQ=MONTHLY;BYDAY=3TH;INTERVAL=2')).toBe(
			'tous les troisièmes jeudis tous les 2 mois'
		);
		expect(describeRrule('FREQ=WEEKLY')).toBe('chaque semaine');
		expect(describeRrule('FREQ=WEEKLY;BYDAY=MO,WE')).toBe('chaque semaine le lundi et mercredi');
		expect(describeRrule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU')).toBe('toutes les 2 semaines le mardi');
		expect(describeRrule('FREQ=DAILY')).toBe('chaque jour');
		expect(describeRrule('FREQ=MONTHLY;BYMONTHDAY=1')).toBe('le 1er de chaque mois');
		expect(describeRrule('FREQ=MONTHLY')).toBe('chaque mois');
		expect(describeRrule('FREQ=YEARLY')).toBe('chaque année');
	});

	it('says how the series ends', () => {
		expect(describeRrule('FREQ=WEEKLY;COUNT=10')).toBe('chaque semaine, 10 fois');
		expect(describeRrule('RRULE:FREQ=MONTHLY;BYDAY=1TU;UNTIL=20250630T215959Z')).toBe(
			'tous les premiers mardis du mois, jusqu’au 30 juin 2025'
		);
	});

	it('falls back to a neutral sentence for rules it does not know how to say', () => {
		expect(describeRrule('FREQ=MONTHLY;BYDAY=6MO')).toBe(
			'selon une règle de répétition particulière'
		);
		expect(describeRrule('FREQ=MONTHLY;BYDAY=MO,1TU')).toBe(
			'selon une règle de répétition particulière'
		);
		expect(describeRrule('nonsense')).toBe('selon une règle de répétition particulière');
	});
});
