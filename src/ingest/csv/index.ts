/**
 * CSV and TSV: Log Analytics portal "Export to CSV" files and any other delimited file.
 */
export { DEFAULT_ORDER_SAMPLE_ROWS, parseCsv, parseDelimited, parseTsv } from './parseDelimited';
export type { DelimitedOptions } from './parseDelimited';
export { CsvTokenizer } from './tokenizer';
export type { CsvRecord } from './tokenizer';
export { cleanHeader, knownTableOfHeader, sanitizeTableName, tableNameOfFile } from './header';
export type { HeaderColumn } from './header';
