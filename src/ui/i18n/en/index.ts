import { app } from './app';
import { editor } from './editor';
import { results } from './results';
import { chart } from './chart';

/** English messages, one namespace per feature. */
export const en = { app, editor, results, chart };
