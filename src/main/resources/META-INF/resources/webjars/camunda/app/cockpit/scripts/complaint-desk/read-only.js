/*
 * Cockpit custom script (listed in customScripts of ../config.js): Cockpit shows the edit and
 * delete buttons of a process instance's variables, and its "add variable" action, to everyone who
 * may read the instance; supervisors, directors and the general manager only read (system/
 * AuthorizationSeeder), so every click ended in a red "not authorized". The engine is asked once
 * per user whether they may change process instances (UPDATE on process instances, or
 * UPDATE_INSTANCE on process definitions); when not, those buttons are hidden and a line above the
 * variables says why. The engine still decides: this only keeps people from a button that fails.
 */

const READ_ONLY = 'cd-variables-read-only';
const ACCOUNT = '.account .dropdown-toggle, li.account a';
const TABLE = '[cam-widget-variables-table]';
const NOTE = 'cd-read-only-note';

const TEXTS = {
  zh: '您只能查看变量：修改或删除流程实例的变量需要流程实例的修改权限（由系统管理员授予）。',
  en: 'You can only read these variables: changing or deleting them needs the update permission on process instances (granted by an administrator).'
};

function engineApi() {
  const element = document.querySelector('base');
  return (element && element.getAttribute('engine-api')) || '/camunda/api/engine/';
}

function engineName() {
  const match = /\/app\/cockpit\/([^/]+)/.exec(window.location.pathname);
  return match ? decodeURIComponent(match[1]) : 'default';
}

function language() {
  try {
    const injector = window.angular && window.angular.element(document.body).injector();
    if (injector && injector.has('$translate') && injector.get('$translate').use()) {
      return /^zh/i.test(injector.get('$translate').use()) ? 'zh' : 'en';
    }
  } catch (error) {
    // Cockpit not booted yet: the browser's language decides
  }
  const browser = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  return /^en/i.test(browser) ? 'en' : 'zh';
}

async function authorized(permission, resourceName, resourceType) {
  const query = `permissionName=${permission}&resourceName=${resourceName}&resourceType=${resourceType}&resourceId=*`;
  const response = await fetch(`${engineApi()}engine/${encodeURIComponent(engineName())}/authorization/check?${query}`, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  });
  if (!response.ok) {
    return null;
  }
  return (await response.json()).authorized === true;
}

/** true: may change variables; false: may not; null: the engine did not say (Cockpit's own buttons stay). */
async function mayChangeVariables() {
  try {
    const answers = await Promise.all([authorized('UPDATE', 'ProcessInstance', 8),
      authorized('UPDATE_INSTANCE', 'ProcessDefinition', 6)]);
    if (answers.includes(true)) {
      return true;
    }
    return answers.includes(null) ? null : false;
  } catch (error) {
    return null;
  }
}

function addStyle() {
  const style = document.createElement('style');
  style.dataset.complaintDesk = 'read-only';
  style.textContent = `
html.${READ_ONLY} ${TABLE} td.actions .btn-group,
html.${READ_ONLY} ${TABLE} th.actions,
html.${READ_ONLY} a.btn-toolbar[ng-click="openDialog()"] .glyphicon-plus { display: none !important; }
html.${READ_ONLY} a.btn-toolbar[ng-click="openDialog()"]:has(.glyphicon-plus) { display: none !important; }
html:not(.${READ_ONLY}) .${NOTE} { display: none; }
.${NOTE} { color: #666; margin: 6px 0; font-size: 13px; }
`;
  document.head.appendChild(style);
}

function annotate() {
  document.querySelectorAll(TABLE).forEach((table) => {
    const editable = table.querySelector('td.actions');
    const previous = table.previousElementSibling;
    if (editable && !(previous && previous.classList.contains(NOTE))) {
      const note = document.createElement('p');
      note.className = NOTE;
      note.textContent = TEXTS[language()];
      table.parentNode.insertBefore(note, table);
    }
  });
}

let user = null;

function look() {
  const account = document.querySelector(ACCOUNT);
  const now = account ? account.textContent.trim() : null;
  if (now && now !== user) {
    user = now;
    mayChangeVariables().then((may) => {
      document.documentElement.classList.toggle(READ_ONLY, may === false);
      document.documentElement.dataset.variables = may === false ? 'read-only' : 'editable';
    });
  }
  annotate();
}

if (typeof document !== 'undefined' && document.body) {
  addStyle();
  look();
  new MutationObserver(look).observe(document.body, { childList: true, subtree: true });
}
