// Admin: users, API keys and erasures (admins only; the server refuses anyone else). A new key's
// secret is shown once, as the CLI prints it once.
import { apiFetch } from '../api.js';
import { el, message, pageHead, section } from '../dom.js';
import { dataTable } from '../tables.js';

const ROLES = ['admin', 'analyst', 'viewer', 'partner', 'writer'];

function field(name, label, control) {
  control.id = `admin-${name}`;
  control.name = name;
  return el('div', { class: 'field' }, el('label', { for: control.id, text: label }), control);
}

function roleSelect() {
  return el('select', {}, ROLES.map((r) => el('option', { value: r, text: r })));
}

// A form whose submit posts its fields, shows the outcome and redraws the page.
function actionForm(label, fields, submit, onDone) {
  const status = el('p', { class: 'form-status', role: 'status' });
  const form = el('form', { class: 'admin-form', 'aria-label': label }, fields, el('button', { type: 'submit', text: label }), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    if (values.partner_id === '') values.partner_id = null;
    try {
      status.textContent = await submit(values);
      status.dataset.kind = 'ok';
      await onDone();
    } catch (error) {
      status.textContent = error.message;
      status.dataset.kind = 'error';
    }
  });
  return form;
}

function deleteButton(label, path, onDone) {
  return el('button', {
    type: 'button', class: 'button-secondary button-small', 'aria-label': label, text: 'Delete',
    onclick: async (event) => {
      if (!window.confirm(`${label}?`)) return;
      try {
        await apiFetch(path, { method: 'DELETE' });
        await onDone();
      } catch (error) {
        event.target.after(message(error.message, 'error'));
      }
    },
  });
}

export async function render(view) {
  view.append(pageHead('Admin', 'Users, API keys and erasures.'));
  const users = el('div');
  const keys = el('div');
  const erasures = el('div');
  const redraw = () => Promise.all([drawUsers(users, redraw), drawKeys(keys, redraw), drawErasures(erasures)]);
  view.append(
    section('Users', users, actionForm('Add user', [
      field('email', 'E-mail', el('input', { type: 'email', required: true, autocomplete: 'off' })),
      field('password', 'Password', el('input', { type: 'password', required: true, autocomplete: 'new-password', minlength: '12' })),
      field('role', 'Role', roleSelect()),
      field('partner_id', 'Partner (for partner users)', el('input', { autocomplete: 'off' }))],
    async (v) => { await apiFetch('/api/v1/admin/users', { method: 'POST', body: v }); return `User ${v.email} added.`; }, redraw)),
    section('API keys', keys, actionForm('Create key', [
      field('role', 'Role', roleSelect()),
      field('partner_id', 'Partner (for partner keys)', el('input', { autocomplete: 'off' }))],
    async (v) => { const key = await apiFetch('/api/v1/admin/keys', { method: 'POST', body: v }); return `Key ${key.id} created; copy it now, it is not shown again: ${key.key}`; }, redraw)),
    section('Erasures', erasures, actionForm('Erase', [
      field('kind', 'What', el('select', {}, el('option', { value: 'user', text: 'a user (person)' }), el('option', { value: 'account', text: 'an account' }))),
      field('id', 'Id', el('input', { required: true, autocomplete: 'off' }))],
    async (v) => {
      if (!window.confirm(`Erase ${v.kind} ${v.id} from events, rollups and profiles? This cannot be undone.`)) return 'Not erased.';
      const done = await apiFetch('/api/v1/admin/erasures', { method: 'POST', body: v });
      return `Erased ${done.kind} ${done.id} at ${done.erased_at}.`;
    }, redraw)));
  await redraw();
}

// Draws the list the admin endpoint at path gives under key (users, keys, erasures) as a table, or why it cannot.
async function drawList(box, { path, key, caption, empty, columns }) {
  try {
    const rows = (await apiFetch(path))[key];
    box.replaceChildren(rows.length === 0 ? message(empty) : dataTable({ caption, captionHidden: true, columns, rows }));
  } catch (error) {
    box.replaceChildren(message(error.message, 'error'));
  }
}

const partnerColumn = { key: 'partner_id', label: 'Partner', format: (v) => v ?? '—' };

function drawUsers(box, redraw) {
  return drawList(box, {
    path: '/api/v1/admin/users', key: 'users', caption: 'Users', empty: 'No users yet.',
    columns: [{ key: 'email', label: 'E-mail' }, { key: 'role', label: 'Role' }, partnerColumn, { key: 'created_at', label: 'Created' },
      { key: 'email', label: 'Remove', format: (v) => deleteButton(`Delete user ${v}`, `/api/v1/admin/users/${encodeURIComponent(v)}`, redraw) }],
  });
}

function drawKeys(box, redraw) {
  return drawList(box, {
    path: '/api/v1/admin/keys', key: 'keys', caption: 'API keys', empty: 'No keys.',
    columns: [{ key: 'id', label: 'Key id' }, { key: 'role', label: 'Role' }, partnerColumn, { key: 'created_at', label: 'Created' },
      { key: 'id', label: 'Revoke', format: (v) => deleteButton(`Revoke key ${v}`, `/api/v1/admin/keys/${encodeURIComponent(v)}`, redraw) }],
  });
}

function drawErasures(box) {
  return drawList(box, {
    path: '/api/v1/admin/erasures', key: 'erasures', caption: 'Erasures', empty: 'No erasures recorded.',
    columns: [{ key: 'kind', label: 'Kind' }, { key: 'id', label: 'Id' }, { key: 'erased_at', label: 'Erased at' }],
  });
}
