/** Element ids of the page's main areas: targets of the skip links and of the query tabs' `aria-controls`. */

/** Id of the editor area (`<section>` around the query editor): the panel the query tabs control. */
export const EDITOR_AREA_ID = 'query-editor-area';
/** Id of the results area (`<section>` around the results panel). */
export const RESULTS_AREA_ID = 'results-area';
