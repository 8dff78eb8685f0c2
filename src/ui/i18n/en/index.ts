import { app } from './app';
import { editor } from './editor';
import { results } from './results';
import { chart } from './chart';
import { theme } from './theme';
import { workspace } from './workspace';
import { grid } from './grid';
import { time } from './time';

/** English messages, one namespace per feature. */
export const en = { app, editor, results, chart, theme, workspace, grid, time };
