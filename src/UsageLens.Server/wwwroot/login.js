// The stand-alone sign-in page: posts the e-mail and password to /api/v1/session, which sets the
// HttpOnly session cookie, then goes to the app. The CSRF header is the one every dashboard request sends.
const form = document.getElementById('sign-in');
const error = document.getElementById('sign-in-error');
const button = document.getElementById('sign-in-button');

function show(message) {
  error.textContent = message;
  error.hidden = false;
}

async function explain(response) {
  try {
    const body = await response.json();
    return body.title || body.detail || body.error || `sign-in failed (HTTP ${response.status})`;
  } catch {
    return `sign-in failed (HTTP ${response.status})`;
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.hidden = true;
  const email = form.email.value.trim();
  const password = form.password.value;
  if (!email || !password) {
    show('Enter your e-mail and password.');
    (email ? form.password : form.email).focus();
    return;
  }
  button.disabled = true;
  try {
    const response = await fetch('/api/v1/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-UsageLens-Csrf': '1' },
      body: JSON.stringify({ email, password }),
    });
    if (response.ok) {
      window.location.assign('/');
      return;
    }
    show(await explain(response));
    form.password.select();
  } catch {
    show('The server cannot be reached.');
  } finally {
    button.disabled = false;
  }
});
