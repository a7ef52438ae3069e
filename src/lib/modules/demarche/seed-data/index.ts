export type * from './types';
export { spaces } from './spaces';
export { structures } from './structures';
export { people } from './people';
export { milestones, figures } from './timeline';
export { pages } from './pages';
export { roadmaps } from './roadmap';
export { productions, decisions } from './productions';
export { resources } from './resources';
