// A horizontally scrollable wrapper for wide tables. It is a labelled, focusable group so
// keyboard users can scroll it (WCAG 2.1.1; axe "scrollable-region-focusable").
import type { ReactNode } from 'react';

export function TableScroll({ label, children, id }: { label: string; children: ReactNode; id?: string }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" role="group" aria-label={label} tabIndex={0} id={id}>
      {children}
    </div>
  );
}
