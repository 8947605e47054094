// Ask: a free-text question, then how it was understood, the numbers, a chart of the kind the
// server chose (line for a trend, bars for a comparison, a table for a list) and the SQL. An
// insight's answer shows its summary and its findings. The question stays in the address (?q=).
import { ApiError, askQuestion } from '../api.js';
import { barChart, chartCard } from '../charts.js';
import { el, message, pageHead } from '../dom.js';
import { findingsList } from '../findings.js';
import { formatValue } from '../format.js';
import { drawRows, rowsTable } from '../kpiview.js';
import { navigate } from '../router.js';
import { dataTable } from '../tables.js';

function answerTitle(answer) {
  if (answer.insight) return `insights: ${answer.insight}`;
  return answer.metric ? `${answer.kpi} · ${answer.metric}` : answer.kpi;
}

// An insight computed today answers with its findings; one not computed yet with a status and a message.
function isInsightResult(answer) {
  return Boolean(answer.insight) && Array.isArray(answer.findings);
}

function numbers(answers) {
  return el('div', { class: 'ask__numbers', id: 'ask-numbers' }, answers.map((answer) => {
    const item = el('div', { class: 'ask-number' }, el('span', { class: 'muted', text: answerTitle(answer) }));
    if (isInsightResult(answer)) item.append(el('strong', { text: `${answer.findings.length} findings` }), el('span', { class: 'muted', text: answer.summary }));
    else if (answer.insight) item.append(el('strong', { text: answer.status }), el('span', { class: 'muted', text: answer.message }));
    else {
      item.append(el('strong', { text: formatValue(answer.value, answer.unit) }));
      if (answer.compared) item.append(el('span', { class: 'muted', text: `compared: ${formatValue(answer.compared.value, answer.unit)}` }));
    }
    return item;
  }));
}

function bars(parent, items, unit) {
  chartCard(parent, {
    title: 'Answer',
    chart: barChart({ categories: items.map((i) => i.label), series: [{ name: 'Value', data: items.map((i) => i.value) }], unit, horizontal: true }),
    table: { columns: [{ key: 'label', label: 'Item' }, { key: 'value', label: 'Value', numeric: true, format: (v) => formatValue(v, unit) }], rows: items },
    height: Math.max(160, items.length * 34 + 60),
  });
}

function chart(parent, answer) {
  const kpis = answer.answers.filter((a) => !a.insight);
  const insights = answer.answers.filter(isInsightResult);
  const first = kpis[0];
  const box = el('div', { class: 'ask__chart', id: 'ask-chart', 'data-chart': answer.chart });
  parent.append(box);
  if (kpis.length === 0 && insights.length > 0) {
    box.dataset.chart = 'findings';
    insights.forEach((insight) => box.append(findingsList(insight)));
  } else if (answer.chart === 'line' && first && Array.isArray(first.rows)) {
    drawRows(box, { ...first, rows: first.rows.filter((row) => row.period) }, { title: 'Answer' });
  } else if (answer.chart === 'table' && first && Array.isArray(first.rows) && first.rows.length > 0) {
    const table = rowsTable(first.rows, first.unit, 'Answer');
    box.append(dataTable({ caption: 'Answer', columns: table.columns, rows: first.rows, className: 'table ask-list' }));
  } else if (answer.chart === 'bar' && kpis.length > 1) {
    bars(box, kpis.map((a, i) => ({ label: answer.asks?.[i]?.where?.join(' ') || a.kpi, value: a.value })), first.unit);
  } else if (answer.chart === 'bar' && first?.compared) {
    bars(box, [{ label: `${first.from.slice(0, 10)} →`, value: first.value }, { label: `${first.compared.from.slice(0, 10)} →`, value: first.compared.value }], first.unit);
  } else if (answer.chart === 'bar' && first && Array.isArray(first.rows)) {
    drawRows(box, first, { title: 'Answer', view: 'bar' });
  }
}

export async function render(view, route) {
  const question = route.params.get('q') || '';
  const input = el('input', { id: 'ask-input', name: 'question', type: 'text', maxlength: '1000', autocomplete: 'off', value: question, placeholder: 'api calls by segment last month' });
  const form = el('form', { class: 'card ask__form', id: 'ask-form', role: 'search' },
    el('label', { for: 'ask-input', text: 'Question' }), input, el('button', { type: 'submit', text: 'Ask' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text) navigate('ask', { q: text });
  });
  const result = el('div', { class: 'ask__result', id: 'ask-result', 'aria-live': 'polite' });
  view.append(pageHead('Ask', 'A question in plain words: UsageLens says how it understood it, answers with numbers and a chart, and shows the SQL.'), form, result);
  if (!question) return;
  result.setAttribute('aria-busy', 'true');
  try {
    const answer = await askQuestion(question);
    result.append(
      el('p', { class: 'ask__interpretation' }, el('span', { class: 'muted', text: 'Understood as: ' }), el('span', { id: 'ask-interpretation', text: answer.interpretation })),
      numbers(answer.answers));
    chart(result, answer);
    result.append(el('details', { class: 'ask__sql' }, el('summary', { text: 'SQL that ran' }), el('pre', { id: 'ask-sql', text: answer.sql.join(';\n\n') })));
  } catch (error) {
    const problem = error instanceof ApiError ? error.problem : {};
    const hints = [...(problem.suggestions || []).map((s) => `did you mean ${s}?`), ...(problem.readings || []).map((r) => `reading: ${r}`)];
    result.append(el('p', { class: 'ask__error', id: 'ask-error', role: 'alert', text: hints.length > 0 ? `${error.message} (${hints.join('; ')})` : error.message }));
  } finally {
    result.removeAttribute('aria-busy');
  }
}
