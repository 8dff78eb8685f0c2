/**
 * The seed the app uses for its bundled sample. In its own module so the page can import it
 * without pulling the generator (which runs in the worker) into the main bundle.
 */
export const DEFAULT_SAMPLE_SEED = 20240501;
