// Scheduled reports (reports: in usagelens.yaml): each report's schedule, next run and last run, from
// GET /api/v1/reports, which lists a partner only the reports scoped to it.
import { apiFetch } from './api.js';
import { el, message } from './dom.js';
import { dataTable } from './tables.js';

export async function reportsSection(parent) {
  const box = el('section', { class: 'card', 'aria-labelledby': 'h-reports' }, el('h2', { id: 'h-reports', text: 'Scheduled reports' }));
  parent.append(box);
  try {
    const { reports } = await apiFetch('/api/v1/reports');
    box.append(reports.length === 0 ? message('No scheduled reports: add them under reports: in usagelens.yaml.') : dataTable({
      caption: 'Scheduled reports',
      className: 'table reports-list',
      columns: [
        { key: 'name', label: 'Report' },
        { key: 'kind', label: 'Kind' },
        { key: 'partner_id', label: 'Partner', format: (v) => v ?? 'all' },
        { key: 'schedule', label: 'Schedule', format: (v, row) => `${v} (${row.time_zone})` },
        { key: 'next_run', label: 'Next run', format: (v, row) => (row.enabled ? v ?? '—' : 'disabled') },
        { key: 'last_run', label: 'Last run', format: (v) => v?.ran_at ?? '—' },
        { key: 'status', label: 'Status', format: (_, row) => row.last_run ? row.last_run.error ?? row.last_run.status : '—' },
      ],
      rows: reports,
    }));
  } catch (error) {
    box.append(message(error.message, 'error'));
  }
}
