/*
 * Shared by the Tasklist custom scripts of the complaint desk (imported, not listed in
 * customScripts): claim a task for the logged-in user and open it, through the web apps' engine
 * API with the user's own session (the engine's access rule and candidate check apply as
 * everywhere: a task the user may not work is refused, never claimed); and what their notices
 * share (the language Tasklist shows, building an element).
 */

/** 'zh' or 'en': the language Tasklist was switched to, else the browser's (Chinese unless English). */
export function language() {
  try {
    const injector = window.angular && window.angular.element(document.body).injector();
    const chosen = injector && injector.has('$translate') ? injector.get('$translate').use() : null;
    if (chosen) {
      return /^zh/i.test(chosen) ? 'zh' : 'en';
    }
  } catch (error) {
    // Tasklist not booted: the browser's language decides
  }
  const browser = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  return /^en/i.test(browser) ? 'en' : 'zh';
}

/** A new element with a class and a text. */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function engineApi() {
  const element = document.querySelector('base');
  return (element && element.getAttribute('engine-api')) || '/camunda/api/engine/';
}

export function engineName() {
  const match = /\/app\/tasklist\/([^/]+)/.exec(window.location.pathname);
  return match ? decodeURIComponent(match[1]) : 'default';
}

function csrfToken() {
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : '';
}

/** The address of an engine resource in the web apps' engine API. */
export function engine(path) {
  return `${engineApi()}engine/${encodeURIComponent(engineName())}/${path}`;
}

const JSON_HEADERS = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };

/** GET of an engine resource as JSON; null when refused or absent. */
export async function getJson(path) {
  const response = await fetch(engine(path), { credentials: 'same-origin', headers: JSON_HEADERS });
  return response.ok ? response.json() : null;
}

/** The logged-in user's id, as the web apps' own authentication answers it. */
export async function currentUser() {
  const response = await fetch(`/camunda/api/admin/auth/user/${encodeURIComponent(engineName())}`, {
    credentials: 'same-origin',
    headers: JSON_HEADERS
  });
  return response.ok ? (await response.json()).userId || null : null;
}

/** Opens the task in Tasklist's detail column (the current filter and list stay). */
export function openTask(taskId) {
  const params = new URLSearchParams(window.location.hash.replace(/^#\/?\??/, ''));
  if (params.get('task') === taskId) {
    // already shown (unclaimed, read-only): make Tasklist load it again, now claimed
    params.delete('task');
    window.location.hash = `#/?${params.toString()}`;
    params.set('task', taskId);
    setTimeout(() => { window.location.hash = `#/?${params.toString()}`; }, 50);
    return;
  }
  params.set('task', taskId);
  window.location.hash = `#/?${params.toString()}`;
}

/**
 * Claims the task for the user unless it is theirs already, and opens it. False when the engine
 * refuses (someone else claimed it meanwhile, or the user is no candidate).
 */
export async function claimAndOpen(taskId) {
  const user = await currentUser();
  if (!user) {
    return false;
  }
  const task = await getJson(`task/${encodeURIComponent(taskId)}`);
  if (!task) {
    return false;
  }
  if (task.assignee !== user) {
    if (task.assignee) {
      return false;
    }
    const response = await fetch(engine(`task/${encodeURIComponent(taskId)}/claim`), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...JSON_HEADERS, 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken() },
      body: JSON.stringify({ userId: user })
    });
    if (!response.ok) {
      return false;
    }
  }
  openTask(taskId);
  return true;
}
