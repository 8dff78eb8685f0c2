import { describe, expect, it } from 'vitest';
import { catalogOf } from '../table/table';
import { rowsOf } from '../table/rows';
import { runQuery } from '../index';
import type { EngineError } from '../errors';

const catalog = catalogOf([]);

function failure(text: string): EngineError & { at: string } {
  const outcome = runQuery(text, catalog, { now: 0 });
  if (outcome.ok) throw new Error('expected an error');
  const span = outcome.error.span;
  return { ...outcome.error, at: span === null ? '' : text.slice(span.start, span.start + span.length) };
}

const REGION = `declare pattern region = (cloud:string)[name:string]
{
  ("public").["eastus"] = { print Location = "Virginia" };
};
`;

describe('undeclared pattern references (pattern-statement.md, SEM0036)', () => {
  it('reports a wildcard path as the page shows it', () => {
    const error = failure(`${REGION}union region("public").["*"]\n| count`);
    expect(error.code).toBe('E_ANALYSIS');
    expect(error.kustoCode).toBe('SEM0036');
    expect(error.message).toBe(`One or more pattern references were not declared. Detected pattern references: ["region('public').['*']"]`);
    expect(error.at).toBe('region("public").["*"]');
  });

  it('reports an invocation of an empty pattern without a path', () => {
    const error = failure('declare pattern map_ip_to_longlat;\nmap_ip_to_longlat("10.10.10.10")');
    expect(error.message).toBe(`One or more pattern references were not declared. Detected pattern references: ["map_ip_to_longlat('10.10.10.10')"]`);
    expect(error.at).toBe('map_ip_to_longlat("10.10.10.10")');
  });

  it('lists every undeclared invocation once, normalized, in the order written', () => {
    const error = failure(`declare pattern App;
union (App('a1').Text), (App("a2").['Text']), App("a1").["Text"], App('a1').Text`);
    expect(error.message).toBe(
      `One or more pattern references were not declared. Detected pattern references: ["App('a1').['Text']","App('a2').['Text']"]`,
    );
    expect(error.at).toBe("App('a1').Text");
  });

  it('reports argument values and paths that no definition has', () => {
    expect(failure(`${REGION}region("gov").eastus`).message).toContain(`["region('gov').['eastus']"]`);
    expect(failure(`${REGION}region("public").westus`).message).toContain(`["region('public').['westus']"]`);
  });

  it('keeps the binder error when the first error is not a pattern reference', () => {
    const error = failure(`${REGION}print NoSuchName; region("public").westus`);
    expect(error.kustoCode).not.toBe('SEM0036');
    expect(error.at).toBe('NoSuchName');
  });
});

describe('pattern invocations', () => {
  it('runs the documented pattern without a path', () => {
    const outcome = runQuery(`declare pattern map_ip_to_longlat = (address:string)
{
  ("10.10.10.10") = { print Lat=37.405992, Long=-122.078515 };
};
map_ip_to_longlat("10.10.10.10")`, catalog, { now: 0 });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.tables[0].columns).toEqual([{ name: 'Lat', type: 'real' }, { name: 'Long', type: 'real' }]);
    expect(rowsOf(outcome.tables[0])).toEqual([[37.405992, -122.078515]]);
  });

  it('does not guess between two definitions of the same values', () => {
    const error = failure(`declare pattern twice = (k:string)
{
  ("a") = { print v = 1 };
  ("a") = { print v = 2 };
};
twice("a")`);
    expect(error.code).toBe('E_UNSUPPORTED');
    expect(error.at).toBe('twice("a")');
  });
});
