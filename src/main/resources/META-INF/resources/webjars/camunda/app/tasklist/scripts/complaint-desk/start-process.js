/*
 * Tasklist custom script (listed in customScripts of ../config.js): Tasklist's "启动流程" (Start
 * process) link in the header opens a list of the processes the user may start. Brand and legal
 * (group brand-legal) start no process of the desk: for them that list would be empty, so the
 * link is hidden. Everyone who may start something keeps it: agents and supervisors (投诉处理),
 * supervisors (客户分级评审, 客户黑名单, reports), clerks (投诉周报和投诉统计月报).
 *
 * The engine decides, not this script: Tasklist's engine REST (the web app session) is asked
 * for the first process definition the user may start in Tasklist, with the same parameters the
 * Start process dialog uses (startableInTasklist, startablePermissionCheck, latest version,
 * active). An empty answer hides the link; any other answer, or no answer at all (the link then
 * works as Camunda's own), shows it. Asked again whenever Tasklist renders the header or another
 * user logs in.
 */

const LINK = '.start-process-action';
const NOTHING_TO_START = 'cd-no-process-to-start';
const ACCOUNT = 'li.account a.dropdown-toggle';

const QUERY = 'process-definition?startableInTasklist=true&startablePermissionCheck=true'
  + '&latestVersion=true&active=true&firstResult=0&maxResults=1';

function engineApi() {
  const element = document.querySelector('base');
  return (element && element.getAttribute('engine-api')) || '/camunda/api/engine/';
}

function engineName() {
  const match = /\/app\/tasklist\/([^/]+)/.exec(window.location.pathname);
  return match ? decodeURIComponent(match[1]) : 'default';
}

/** true: there is a process to start; false: none; null: the engine did not answer. */
async function mayStartAProcess() {
  try {
    const response = await fetch(`${engineApi()}engine/${encodeURIComponent(engineName())}/${QUERY}`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
    });
    if (!response.ok) {
      return null;
    }
    const definitions = await response.json();
    return Array.isArray(definitions) ? definitions.length > 0 : null;
  } catch (error) {
    console.warn('complaint desk: cannot ask which processes may be started', error);
    return null;
  }
}

function addStyle() {
  const style = document.createElement('style');
  style.dataset.complaintDesk = 'start-process';
  style.textContent = `html.${NOTHING_TO_START} ${LINK} { display: none !important; }\n`;
  document.head.appendChild(style);
}

let checking = false;
let again = false;

function recheck() {
  if (checking) {
    again = true; // another user may have logged in meanwhile: ask once more when this answer is in
    return;
  }
  checking = true;
  mayStartAProcess().then((answer) => {
    const hidden = answer === false;
    document.documentElement.classList.toggle(NOTHING_TO_START, hidden);
    document.documentElement.dataset.startProcess = hidden ? 'hidden' : 'shown';
  }).finally(() => {
    checking = false;
    if (again) {
      again = false;
      recheck();
    }
  });
}

function start() {
  addStyle();
  let seen = null;
  const look = () => {
    const link = document.querySelector(LINK);
    const account = document.querySelector(ACCOUNT);
    // the link (re)appears, or the header names someone else: ask for the user now logged in
    const now = link ? `link:${account ? account.textContent.trim() : ''}` : null;
    if (now && now !== seen) {
      recheck();
    }
    seen = now;
  };
  look();
  new MutationObserver(look).observe(document.body, { childList: true, subtree: true, characterData: true });
}

if (typeof document !== 'undefined' && document.body) {
  start();
}
