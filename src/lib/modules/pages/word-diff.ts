/** Word-level differences between two texts, as readers see them (kept, removed, added). */
import { diffWords } from 'diff';

export interface WordDiffPart {
	kind: 'same' | 'removed' | 'added';
	text: string;
}

export function wordDiff(before: string, after: string): WordDiffPart[] {
	if (before === after) return before ? [{ kind: 'same', text: before }] : [];
	return diffWords(before, after).map((c) => ({
		kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
		text: c.value
	}));
}
