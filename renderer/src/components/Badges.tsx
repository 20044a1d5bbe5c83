import type { CSSProperties } from 'react';
import { attribute as attributeInfo } from '../../../shared/attributes.ts';
import { categories } from '../../../shared/categories.ts';
import type { RegisterState } from '../../../shared/ipc/records.ts';
import type { Attribute } from '../../../shared/types.ts';
import { stateLabels } from '../messages/common.ts';

export function StateBadge({ state }: { state: RegisterState }) {
  return <span className={`state state-${state}`}>{stateLabels[state]}</span>;
}

export function AttributeBadge({ attribute }: { attribute: Attribute }) {
  return <span className={`attr attr-${attribute}`}>{attributeInfo(attribute).label}</span>;
}

/** Finding counts as small category-coloured tallies; categories without findings are left out. */
export function CategoryCounts({ counts }: { counts: readonly number[] }) {
  return (
    <span className="cat-counts">
      {categories.map((c, i) => {
        const n = counts[i] ?? 0;
        if (n === 0) return null;
        return (
          <span key={c.id} className="cat-count-chip" style={{ '--cat': c.colour } as CSSProperties} title={`${c.id} ${c.name}：${n} 处`}>
            {c.id}·{n}
          </span>
        );
      })}
    </span>
  );
}
