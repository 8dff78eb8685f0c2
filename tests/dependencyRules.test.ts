import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

/**
 * The architecture's dependency rules are enforced by lint; these cases prove the rules bite
 * (and that allowed imports stay allowed), by linting small snippets as if they lived in each layer.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('dependency rules', () => {
  it('engine imports nothing from ingest, worker, state or ui, nor React', async () => {
    const messages = await restrictedImports(
      'src/engine/operators/zz.ts',
      "import { x } from '../../ui/App';\nimport { y } from '../../ingest/index';\nimport React from 'react';\nexport const z = [x, y, React];\n",
    );
    expect(messages).toHaveLength(3);
  });

  it('only engine/syntax may touch Kusto.Language', async () => {
    const code = "import '@kusto/language-service-next/bridge.min.js';\nexport {};\n";
    expect(await restrictedImports('src/engine/operators/zz.ts', code)).toHaveLength(1);
    expect(await restrictedImports('src/engine/syntax/zz.ts', code)).toHaveLength(0);
  });

  it('ui imports engine code as types only, and Monaco only inside ui/editor', async () => {
    const runtime = "import { runQuery } from '../../engine';\nexport const q = runQuery;\n";
    const typeOnly = "import type { Table } from '../../engine';\nexport type T = Table;\n";
    const monaco = "import * as monaco from 'monaco-editor';\nexport const m = monaco;\n";
    expect(await restrictedImports('src/ui/results/zz.ts', runtime)).toHaveLength(1);
    expect(await restrictedImports('src/ui/results/zz.ts', typeOnly)).toHaveLength(0);
    expect(await restrictedImports('src/ui/results/zz.ts', monaco)).toHaveLength(1);
    expect(await restrictedImports('src/ui/editor/zz.ts', monaco)).toHaveLength(0);
  });

  it('state never imports ui, and reaches the worker only through its client', async () => {
    expect(await restrictedImports('src/state/zz.ts', "import { App } from '../ui/App';\nexport const a = App;\n")).toHaveLength(1);
    expect(await restrictedImports('src/state/zz.ts', "import { DataWorkerClient } from '../worker/client';\nexport const c = DataWorkerClient;\n")).toHaveLength(0);
  });
});
