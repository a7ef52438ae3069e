// The event's commune as the form shows it ("Dieulefit (26)") and as people type it back.
import type { Ctx } from '../../server/context';
import { getCommune } from '../geo/service.server';
import { resolveCommune } from '../cartographie/commune-input.server';
import { communeLabel } from '../cartographie/territory-input';

/** The label of a stored INSEE code, empty when there is none or it is unknown. */
export async function communeText(ctx: Ctx, code: string | null): Promise<string> {
	if (!code) return '';
	const c = await getCommune(ctx, code);
	return c ? communeLabel({ nom: c.nom, departementCode: c.departement.code }) : code;
}

/**
 * The INSEE code of the commune typed in the form's `commune` field (a name, a postal code or
 * "Nom (dép.)"), or a French message. Empty: no commune. Without a `commune` field the raw
 * `communeInsee` (API, imports) is kept as it is.
 */
export async function typedCommune(
	ctx: Ctx,
	raw: Record<string, unknown>
): Promise<{ communeInsee: unknown; error?: string }> {
	if (typeof raw.commune !== 'string') return { communeInsee: raw.communeInsee };
	const typed = raw.commune.trim();
	if (!typed) return { communeInsee: '' };
	const found = await resolveCommune(ctx, typed);
	return 'error' in found ? { communeInsee: '', error: found.error } : { communeInsee: found.code };
}
