// The further figures of autocannon's result that bench/spaces.ts reads (merged with
// bench/cartographie-autocannon.d.ts).
declare module 'autocannon' {
	interface Histogram {
		total: number;
		p97_5: number;
		max: number;
	}
	interface Result {
		timeouts: number;
	}
}
