/**
 * `isutf8(value)` (isutf8-function.md): true when the string is valid UTF-8. Text reaches the
 * engine already decoded (invalid bytes became U+FFFD while loading), so the only strings that
 * cannot be UTF-8 are those with an unpaired UTF-16 surrogate. A null value is false.
 */
import type { ScalarKernel } from './kernel';
import { asText } from './textVector';
import { mapValues } from './vector';

/** True when `text` has no unpaired surrogate (so it has a UTF-8 encoding). */
export function isWellFormedText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/** The functions of this family by Kusto name. */
export const STRING_CHECK_FUNCTIONS: Readonly<Record<string, ScalarKernel>> = {
  isutf8: (args, call, ctx) =>
    mapValues([asText(args[0], ctx)], call.type, ctx, ([text]) => typeof text === 'string' && isWellFormedText(text), false),
};
