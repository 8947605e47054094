// Export links (CSV, PDF): plain links for a cookie session, fetched with the key's header when the
// page was opened with an API key, so the file is the caller's own scoped view either way.
import { download, query } from './api.js';
import { el, message } from './dom.js';

/** links: [{ label, path, file, accept }]. */
export function exportLinks(links) {
  const box = el('div', { class: 'exports' });
  for (const link of links) {
    const anchor = el('a', { class: 'button-secondary button-small', href: link.path, download: link.file, 'data-export': link.file, text: link.label });
    anchor.addEventListener('click', async (event) => {
      event.preventDefault();
      try {
        await download(link.path, link.file, link.accept || 'text/csv');
      } catch (error) {
        box.querySelector('.message')?.remove();
        box.append(message(`${link.label}: ${error.message}`, 'error'));
      }
    });
    box.append(anchor);
  }
  return box;
}

/** The CSV link of a KPI or insight request (the contract's format=csv). */
export function csvLink(label, path, params, file) {
  return exportLinks([{ label, path: `${path}${query({ ...params, format: 'csv' })}`, file, accept: 'text/csv' }]);
}
