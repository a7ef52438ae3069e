// A fiche's logo: checked by its content (the community's rules: PNG, JPEG or WebP, 1 Mo at most,
// never SVG), stored under a key never reused, served for published fiches only.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Ctx } from '../../server/context';
import { cartoFiches } from '../../server/db/schema';
import { NotFoundError } from '../../server/errors';
import { log } from '../../server/log';
import { fileStore } from '../../server/storage/local';
import { storedLogo, type ServedLogo } from '../community/logo-file.server';
import { checkLogo, LOGO_MAX_BYTES, type LogoVerdict } from '../community/rules';

const CHOOSE_AGAIN = 'Choisissez à nouveau le fichier.';

export type InspectedLogo = { verdict: LogoVerdict; bytes: Uint8Array | null };

/** Reads an uploaded logo and decides from its bytes (never its name or type) whether it is kept. */
export async function inspectLogo(file: Blob): Promise<InspectedLogo> {
	if (file.size > LOGO_MAX_BYTES) return { verdict: checkLogo(file.size, undefined), bytes: null };
	const bytes = new Uint8Array(await file.arrayBuffer());
	const detected = await fileTypeFromBuffer(bytes);
	return { verdict: checkLogo(bytes.byteLength, detected?.mime), bytes };
}

/** The logo's message next to its field: why it was refused, or that it must be chosen again. */
export function logoErrors(logo: InspectedLogo | null, errors: Record<string, string>) {
	if (!logo) return;
	if (!logo.verdict.ok) errors.logo = `${logo.verdict.error} ${CHOOSE_AGAIN}`;
	// A file field cannot be filled again by the page: say so when the form is refused.
	else if (Object.keys(errors).length > 0) {
		errors.logo = `Le logo n'a pas été enregistré. ${CHOOSE_AGAIN}`;
	}
}

/** Stores an accepted logo under a new key (a key is never reused: it names the content). */
export async function storeLogo(ctx: Ctx, logo: InspectedLogo): Promise<string | null> {
	if (!logo.verdict.ok || !logo.bytes) return null;
	const key = `logos/carto-${randomUUID()}.${logo.verdict.ext}`;
	await fileStore(ctx.env).put(key, logo.bytes);
	return key;
}

/** Deletes a stored logo no row points to; a failure leaves it behind, never fails the request. */
export async function discardLogo(ctx: Ctx, key: string | null) {
	if (!key) return;
	try {
		await fileStore(ctx.env).remove(key);
	} catch (err) {
		log.warn(`[files] ${key} n'a pas pu être supprimé : ${(err as Error).message}`);
	}
}

/** The logo of a published fiche, for serving: its type, a validator for caches, its bytes. */
export async function ficheLogo(ctx: Ctx, slug: string): Promise<ServedLogo> {
	const [f] = await ctx.db
		.select({ logoPath: cartoFiches.logoPath, status: cartoFiches.status })
		.from(cartoFiches)
		.where(eq(cartoFiches.slug, slug));
	if (!f || f.status !== 'publiee') throw new NotFoundError('Fiche introuvable.');
	const logo = storedLogo(ctx, f.logoPath);
	if (!logo) throw new NotFoundError("Cette fiche n'a pas de logo.");
	return logo;
}
