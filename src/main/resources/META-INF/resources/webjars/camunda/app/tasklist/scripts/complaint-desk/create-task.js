/*
 * Tasklist custom script (listed in customScripts of ../config.js): Tasklist's "创建任务" (Create
 * task) link in the header is for people who may create free-standing tasks, i.e. who hold the
 * engine's CREATE permission on the Task resource (administrators: camunda-admin). The desk's
 * staff work on the tasks of the complaint processes only and get no such permission, so for
 * them the link is hidden (the engine would refuse the task anyway).
 *
 * The link stays hidden until Tasklist's engine REST (the web app session) answers
 * GET authorization/check for CREATE on task with authorized: true, or the user may open the
 * Admin app; this is asked again whenever Tasklist renders the header (after a log-in as
 * someone else, too).
 */

const LINK = '.create-task-action';
const ALLOWED = 'cd-may-create-task';

/** Task = resource type 7 of the engine's Resources. */
const CHECK = 'authorization/check?permissionName=CREATE&resourceName=task&resourceType=7';

function base() {
  const element = document.querySelector('base');
  return {
    appRoot: (element && element.getAttribute('app-root')) || '/camunda',
    engineApi: (element && element.getAttribute('engine-api')) || '/camunda/api/engine/',
    adminApi: (element && element.getAttribute('admin-api')) || '/camunda/api/admin/'
  };
}

function engineName() {
  const match = /\/app\/tasklist\/([^/]+)/.exec(window.location.pathname);
  return match ? decodeURIComponent(match[1]) : 'default';
}

async function getJson(url) {
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  });
  return response.ok ? response.json() : null;
}

async function mayCreateTasks() {
  const { engineApi, adminApi } = base();
  const engine = encodeURIComponent(engineName());
  try {
    const check = await getJson(`${engineApi}engine/${engine}/${CHECK}`);
    if (check && check.authorized === true) {
      return true;
    }
    const user = await getJson(`${adminApi}auth/user/${engine}`);
    return Boolean(user && Array.isArray(user.authorizedApps) && user.authorizedApps.includes('admin'));
  } catch (error) {
    console.warn('complaint desk: cannot check the permission to create tasks', error);
    return false;
  }
}

function addStyle() {
  const style = document.createElement('style');
  style.dataset.complaintDesk = 'create-task';
  style.textContent = `html:not(.${ALLOWED}) ${LINK} { display: none !important; }\n`;
  document.head.appendChild(style);
}

let checking = null;

function recheck() {
  if (checking) {
    return;
  }
  checking = mayCreateTasks().then((allowed) => {
    document.documentElement.classList.toggle(ALLOWED, allowed);
    document.documentElement.dataset.createTask = allowed ? 'shown' : 'hidden';
  }).finally(() => {
    checking = null;
  });
}

function start() {
  addStyle();
  let present = false;
  const look = () => {
    const now = document.querySelector(LINK) !== null;
    if (now && !present) {
      recheck();
    }
    present = now;
  };
  look();
  new MutationObserver(look).observe(document.body, { childList: true, subtree: true });
}

if (typeof document !== 'undefined' && document.body) {
  start();
}
