/** Console logging filtered by LOG_LEVEL (debug < info < warn < error < silent). */
const order = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 } as const;
export type Level = keyof typeof order;

let threshold: number = order.info;

export function setLogLevel(level: Level) {
	threshold = order[level];
}

const at =
	(level: Exclude<Level, 'silent'>, write: (...args: unknown[]) => void) =>
	(...args: unknown[]) => {
		if (order[level] >= threshold) write(...args);
	};

export const log = {
	debug: at('debug', console.debug),
	info: at('info', console.log),
	warn: at('warn', console.warn),
	error: at('error', console.error)
};
