// The Ask box: posts a question, then shows how it was understood, the numbers, a chart of the
// kind the server chose (line for a trend, bars for a comparison, a table for a list) and the SQL.
// An insight's answer shows its summary and a table of its findings (subject, kind, score, why).
import { ApiError, askQuestion } from './api.js';
import { TrendChart } from './chart.js';
import { formatCount, isNumber, oneDecimal } from './format.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

const form = document.getElementById('ask-form');
const input = document.getElementById('ask-input');
const result = document.getElementById('ask-result');
const interpretation = document.getElementById('ask-interpretation');
const error = document.getElementById('ask-error');
const numbers = document.getElementById('ask-numbers');
const chartBox = document.getElementById('ask-chart');
const sql = document.getElementById('ask-sql');
const lineChart = new TrendChart(chartBox, document.getElementById('ask-tooltip'), document.getElementById('ask-table'));

function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}

function formatValue(value, unit) {
  if (!isNumber(value)) return '—';
  return unit === 'percent' ? `${oneDecimal.format(value)}%` : formatCount(value);
}

// A row's label: its period and group values, such as "2026-10 · enterprise".
function rowLabel(row) {
  return Object.entries(row).filter(([key]) => key !== 'value' && key !== 'parts').map(([, value]) => value ?? '(none)').join(' · ');
}

function answerTitle(answer) {
  if (answer.insight) return `insights: ${answer.insight}`;
  return answer.metric ? `${answer.kpi} · ${answer.metric}` : answer.kpi;
}

// An insight computed today answers with its findings; one not computed yet with a status and a message.
function isInsightResult(answer) {
  return Boolean(answer.insight) && Array.isArray(answer.findings);
}

function renderNumbers(answers) {
  numbers.replaceChildren();
  for (const answer of answers) {
    const item = document.createElement('div');
    item.className = 'ask-number';
    item.append(text('span', answerTitle(answer), 'muted'));
    if (isInsightResult(answer)) {
      item.append(text('strong', `${answer.findings.length} findings`), text('span', answer.summary, 'muted'));
    } else if (answer.insight) {
      item.append(text('strong', answer.status), text('span', answer.message, 'muted'));
    } else {
      item.append(text('strong', formatValue(answer.value, answer.unit)));
      if (answer.compared) item.append(text('span', `compared: ${formatValue(answer.compared.value, answer.unit)}`, 'muted'));
    }
    numbers.append(item);
  }
}

function svg(name, attributes, parent) {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  parent.append(element);
  return element;
}

// Bars for a breakdown (one bar per row) or for several asks (one bar per answer).
function drawBars(items, unit) {
  chartBox.replaceChildren();
  const width = 640;
  const rowHeight = 28;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${items.length * rowHeight + 8}`, role: 'img', 'aria-label': 'Bar chart', class: 'ask-bars' }, chartBox);
  const max = Math.max(...items.map((i) => (isNumber(i.value) ? Math.abs(i.value) : 0)), 1);
  items.forEach((item, index) => {
    const y = index * rowHeight + 4;
    svg('text', { x: 0, y: y + 17, class: 'ask-bars__label' }, chart).textContent = item.label;
    const barWidth = isNumber(item.value) ? (Math.abs(item.value) / max) * (width - 300) : 0;
    svg('rect', { x: 200, y, width: Math.max(barWidth, 1), height: rowHeight - 8, rx: 3, class: 'ask-bars__bar' }, chart);
    svg('text', { x: 206 + barWidth, y: y + 17, class: 'ask-bars__value' }, chart).textContent = formatValue(item.value, unit);
  });
}

function drawTable(rows, unit) {
  chartBox.replaceChildren();
  const table = document.createElement('table');
  table.className = 'ask-list';
  const head = table.createTHead().insertRow();
  const keys = Object.keys(rows[0]).filter((key) => key !== 'parts');
  for (const key of keys) head.append(text('th', key));
  const body = table.createTBody();
  for (const row of rows) {
    const line = body.insertRow();
    for (const key of keys) line.append(text('td', key === 'value' ? formatValue(row.value, unit) : String(row[key] ?? '')));
  }
  chartBox.append(table);
}

function drawFindings(insights) {
  chartBox.replaceChildren();
  const table = document.createElement('table');
  table.className = 'ask-list ask-findings';
  const head = table.createTHead().insertRow();
  for (const key of ['subject', 'kind', 'score', 'why']) head.append(text('th', key));
  const body = table.createTBody();
  for (const finding of insights.flatMap((insight) => insight.findings)) {
    const line = body.insertRow();
    line.append(text('td', finding.subject), text('td', finding.kind), text('td', oneDecimal.format(finding.score)), text('td', finding.why));
  }
  chartBox.append(table);
}

function renderChart(answer) {
  chartBox.dataset.chart = answer.chart;
  const kpis = answer.answers.filter((a) => !a.insight);
  const insights = answer.answers.filter(isInsightResult);
  const first = kpis[0];
  if (kpis.length === 0 && insights.some((insight) => insight.findings.length > 0)) {
    chartBox.dataset.chart = 'findings';
    drawFindings(insights);
  } else if (answer.chart === 'line' && first && Array.isArray(first.rows)) {
    lineChart.setRows(first.rows.filter((row) => row.period));
  } else if (answer.chart === 'table' && first && Array.isArray(first.rows) && first.rows.length > 0) {
    drawTable(first.rows, first.unit);
  } else if (answer.chart === 'bar' && kpis.length > 1) {
    drawBars(kpis.flatMap((a, i) => [{ label: answer.asks[i]?.where?.join(' ') || a.kpi, value: a.value }]), first.unit);
  } else if (answer.chart === 'bar' && first?.compared) {
    drawBars([{ label: `${first.from.slice(0, 10)} →`, value: first.value }, { label: `${first.compared.from.slice(0, 10)} →`, value: first.compared.value }], first.unit);
  } else if (answer.chart === 'bar' && first && Array.isArray(first.rows)) {
    drawBars(first.rows.map((row) => ({ label: rowLabel(row), value: row.value })), first.unit);
  } else {
    chartBox.replaceChildren();
  }
}

function showError(err) {
  result.hidden = false;
  interpretation.textContent = '';
  numbers.replaceChildren();
  chartBox.replaceChildren();
  sql.textContent = '';
  const hints = [...(err.suggestions || []).map((s) => `did you mean ${s}?`), ...(err.readings || []).map((r) => `reading: ${r}`)];
  error.textContent = hints.length > 0 ? `${err.message} (${hints.join('; ')})` : err.message;
  error.hidden = false;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (!question) return;
  result.setAttribute('aria-busy', 'true');
  try {
    const answer = await askQuestion(question);
    error.hidden = true;
    result.hidden = false;
    interpretation.textContent = answer.interpretation;
    renderNumbers(answer.answers);
    renderChart(answer);
    sql.textContent = answer.sql.join(';\n\n');
  } catch (err) {
    showError(err instanceof ApiError ? err : new ApiError('server', 0, String(err)));
  } finally {
    result.removeAttribute('aria-busy');
  }
});
