/** Console logging filtered by LOG_LEVEL (debug < info < warn < error < silent). */
const order = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 } as const;
export type Level = keyof typeof order;

let threshold: number = order.info;

export function setLogLevel(level: Level) {
	threshold = order[level];
}

// The console method is looked up at each call, so redirected consoles (tests) are honoured.
const at =
	(level: Exclude<Level, 'silent'>, method: 'debug' | 'log' | 'warn' | 'error') =>
	(...args: unknown[]) => {
		if (order[level] >= threshold) console[method](...args);
	};

export const log = {
	debug: at('debug', 'debug'),
	info: at('info', 'log'),
	warn: at('warn', 'warn'),
	error: at('error', 'error')
};
