/**
 * An instant that ical-generator writes as wall-clock time in a zone. It takes dates with a
 * `withTimeZone` method (the shape of @date-fns/tz's TZDate) and reads their local parts with
 * getFullYear()…getSeconds(). A TZDate recomputes its offset on every call, which made a
 * third of a 1,000-event feed's time: here the parts come from one cached Intl formatter per
 * zone, read once per date.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string): Intl.DateTimeFormat {
	let f = formats.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formats.set(zone, f);
	}
	return f;
}

/** The zone's offset (ms) at an instant, from the formatter: the slow path. */
function offsetAt(ms: number, zone: string): number {
	const p = [0, 0, 0, 0, 0, 0];
	for (const part of format(zone).formatToParts(ms)) {
		const i = ORDER[part.type];
		if (i !== undefined) p[i] = Number(part.value);
	}
	const local = Date.UTC(p[0]!, p[1]! - 1, p[2]!, p[3]!, p[4]!, p[5]!);
	return local - Math.floor(ms / 1000) * 1000;
}
const ORDER: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {
	year: 0,
	month: 1,
	day: 2,
	hour: 3,
	minute: 4,
	second: 5
};

const DAY = 86_400_000;
/** Offsets by zone and UTC day, for the days without a clock change (nearly all of them). */
const dayOffsets = new Map<string, number | null>();

function offset(ms: number, zone: string): number {
	const day = Math.floor(ms / DAY);
	const key = `${zone}|${day}`;
	let cached = dayOffsets.get(key);
	if (cached === undefined) {
		const start = offsetAt(day * DAY, zone);
		cached = start === offsetAt(day * DAY + DAY - 1000, zone) ? start : null;
		if (dayOffsets.size > 20_000) dayOffsets.clear();
		dayOffsets.set(key, cached);
	}
	return cached ?? offsetAt(ms, zone);
}

/** Local [year, month (0-11), day, hour, minute, second] of an instant in `zone`. */
export function localParts(instant: Date, zone: string): number[] {
	const local = new Date(instant.getTime() + offset(instant.getTime(), zone));
	return [
		local.getUTCFullYear(),
		local.getUTCMonth(),
		local.getUTCDate(),
		local.getUTCHours(),
		local.getUTCMinutes(),
		local.getUTCSeconds()
	];
}

export class ZonedDate extends Date {
	readonly timeZone: string;
	/** What ical-generator checks for (TZDate's shape). */
	readonly internal: Date;
	private parts: number[] | undefined;

	constructor(instant: Date | number, zone: string) {
		super(typeof instant === 'number' ? instant : instant.getTime());
		this.timeZone = zone;
		this.internal = new Date(this.getTime());
	}

	withTimeZone(zone?: string | null): ZonedDate {
		return !zone || zone === this.timeZone ? this : new ZonedDate(this.getTime(), zone);
	}

	tzComponents(): number[] {
		return (this.parts ??= localParts(this, this.timeZone));
	}

	override getFullYear() {
		return this.tzComponents()[0]!;
	}
	override getMonth() {
		return this.tzComponents()[1]!;
	}
	override getDate() {
		return this.tzComponents()[2]!;
	}
	override getHours() {
		return this.tzComponents()[3]!;
	}
	override getMinutes() {
		return this.tzComponents()[4]!;
	}
	override getSeconds() {
		return this.tzComponents()[5]!;
	}
}
