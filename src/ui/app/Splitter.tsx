import { useRef } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';

/** Smallest and largest share of the height the top pane may take. */
export const MIN_SPLIT = 0.15;
export const MAX_SPLIT = 0.85;

/** Clamps a split fraction into [MIN_SPLIT, MAX_SPLIT]. */
export function clampSplit(fraction: number): number {
  if (!Number.isFinite(fraction)) return MIN_SPLIT;
  return Math.min(MAX_SPLIT, Math.max(MIN_SPLIT, fraction));
}

/**
 * A horizontal splitter between two stacked panes. `fraction` is the top pane's share of
 * the container's height; drag with the pointer or use the arrow keys.
 */
export function Splitter(props: { readonly fraction: number; readonly onChange: (fraction: number) => void; readonly label: string }): React.JSX.Element {
  const handle = useRef<HTMLDivElement>(null);

  const fractionAt = (clientY: number): number => {
    const container = handle.current?.parentElement;
    if (!container) return props.fraction;
    const box = container.getBoundingClientRect();
    return clampSplit((clientY - box.top) / box.height);
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) props.onChange(fractionAt(e.clientY));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    props.onChange(clampSplit(props.fraction + (e.key === 'ArrowDown' ? 0.05 : -0.05)));
    e.preventDefault();
  };

  return (
    <div
      ref={handle}
      className="splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label={props.label}
      aria-valuemin={Math.round(MIN_SPLIT * 100)}
      aria-valuemax={Math.round(MAX_SPLIT * 100)}
      aria-valuenow={Math.round(props.fraction * 100)}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onKeyDown={onKeyDown}
    />
  );
}
