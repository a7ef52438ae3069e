// The part of autocannon's API that bench/cartographie.ts uses (the package ships no types).
declare module 'autocannon' {
	interface Request {
		path?: string;
		[key: string]: unknown;
	}
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		headers?: Record<string, string>;
		requests?: { setupRequest?: (req: Request) => Request }[];
	}
	interface Histogram {
		average: number;
		p50: number;
		p99: number;
	}
	interface Result {
		requests: Histogram;
		latency: Histogram;
		errors: number;
		non2xx: number;
	}
	export default function autocannon(options: Options): Promise<Result>;
}
