/** The productions' form, read from the request for create and edit. */
import { formFile } from '../../server/forms';
import type { ProductionForm } from './service.server';

export function productionForm(form: FormData): ProductionForm {
	const fields: Record<string, unknown> = {};
	for (const k of ['title', 'kind', 'datePrecision', 'date', 'description', 'url', 'visibility']) {
		const v = form.get(k);
		if (typeof v === 'string') fields[k] = v;
	}
	return { fields, file: formFile(form, 'file'), removeFile: form.get('removeFile') === '1' };
}
