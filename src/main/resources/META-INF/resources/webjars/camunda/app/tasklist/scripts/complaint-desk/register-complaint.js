/*
 * Tasklist custom script (listed in customScripts of ../config.js): 登记投诉 in the header, for the
 * people who may start a complaint (agents, supervisors). Registering a complaint is what the desk
 * does most; Camunda's 启动流程 first lists every process the user may start (投诉处理, reports,
 * tier reviews…), and the complaint form opens only on a second click. 登记投诉 opens the start
 * form of 投诉处理 at once, through Tasklist's own address parameter (processStart=<key>, the one
 * its Start process dialog writes), so everything after it is Camunda's dialog as before.
 *
 * The engine decides: shown only when the web apps' engine API lists complaint-handling among the
 * definitions the user may start in Tasklist; asked again whenever another user logs in.
 */

import { getJson, language } from './task-actions.js';

const KEY = 'complaint-handling';
const ITEM = 'cd-register';
const ACCOUNT = 'li.account a.dropdown-toggle';
const TEXTS = { zh: { label: '登记投诉', title: '打开投诉处理的受理登记表' }, en: { label: 'Register complaint', title: 'Open the complaint start form' } };

async function mayRegister() {
  const definitions = await getJson(`process-definition?key=${KEY}&startableInTasklist=true`
    + '&startablePermissionCheck=true&latestVersion=true&active=true&firstResult=0&maxResults=1');
  return Array.isArray(definitions) && definitions.length > 0;
}

/** Opens Tasklist's start dialog with the complaint form (the list and filter stay). */
function openStartForm(event) {
  event.preventDefault();
  const params = new URLSearchParams(window.location.hash.replace(/^#\/?\??/, ''));
  params.set('processStart', KEY);
  window.location.hash = `#/?${params.toString()}`;
}

function item() {
  const texts = TEXTS[language()];
  const li = document.createElement('li');
  li.className = ITEM;
  const link = document.createElement('a');
  link.href = '';
  link.textContent = texts.label;
  link.title = texts.title;
  link.addEventListener('click', openStartForm);
  li.appendChild(link);
  return li;
}

let asked = null;

function place() {
  const start = document.querySelector('li.start-process-action');
  const account = document.querySelector(ACCOUNT);
  if (!start || !account) {
    asked = null; // logged out: ask again for whoever logs in next
    return;
  }
  const who = account.textContent.trim();
  if (asked === who) {
    return;
  }
  asked = who;
  document.querySelectorAll(`li.${ITEM}`).forEach((old) => old.remove());
  mayRegister().then((yes) => {
    if (yes && asked === who && !document.querySelector(`li.${ITEM}`)) {
      const current = document.querySelector('li.start-process-action');
      if (current) {
        current.parentNode.insertBefore(item(), current);
      }
    }
  }).catch(() => {
    // no answer: Camunda's 启动流程 stays, as before
  });
}

if (typeof document !== 'undefined' && document.body) {
  new MutationObserver(place).observe(document.body, { childList: true, subtree: true });
  place();
}
