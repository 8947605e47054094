// Headline tiles: a KPI's value in its unit and its change against the previous period.
import { el } from './dom.js';
import { describeChange, formatValue, integer, isNumber } from './format.js';

/** A row of tiles; each is { id, label, note, load: () => Promise<kpi> }. Fills in as each KPI answers. */
export function tileRow(parent, label, tiles) {
  const row = el('section', { class: 'tiles', 'aria-label': label });
  parent.append(row);
  return Promise.all(tiles.map(async (spec) => {
    const value = el('p', { class: 'tile__value', 'data-role': 'value', text: '—' });
    const delta = el('p', { class: 'tile__delta', 'data-role': 'delta' });
    const note = el('p', { class: 'tile__note', 'data-role': 'note', text: spec.note || '' });
    const tile = el('article', { class: 'tile', id: `tile-${spec.id}`, 'aria-busy': 'true' }, el('h2', { class: 'tile__label', text: spec.label }), value, delta, note);
    row.append(tile);
    try {
      const kpi = await spec.load();
      value.textContent = formatValue(kpi.value, spec.unit || kpi.unit);
      value.title = isNumber(kpi.value) ? integer.format(kpi.value) : 'No value for this period';
      const change = describeChange(kpi.value, kpi.previous?.value, spec.unit || kpi.unit);
      delta.dataset.trend = change.trend;
      delta.append(change.text);
      if (change.trend !== 'none') delta.append(el('span', { class: 'vs', text: ` vs previous ${spec.previousLabel || 'period'}` }));
      if (spec.describe) note.textContent = spec.describe(kpi) || note.textContent;
      return kpi;
    } catch (error) {
      value.title = error.message;
      delta.dataset.trend = 'none';
      delta.textContent = error.message;
      return null;
    } finally {
      tile.setAttribute('aria-busy', 'false');
    }
  }));
}
