/*
 * Tasklist custom script (listed in customScripts of ../config.js): after 完成, when the same case
 * has a next task the user may work (assigned to them, or offered to them or their group), a
 * notice at the top names it: "下一步：处理投诉（CMP-…）" with 继续办理, which claims it for the
 * user (unless it is theirs already) and opens it. Before, the agent who had just verified a
 * complaint had to find the same case again in a filter, open its handling and claim it; a
 * handler whose work came back from review the same. Nothing is claimed without the click, and
 * the engine decides who may work what (candidates, the access rule): a case's next task offered
 * only to another group is not announced.
 *
 * Tasklist loads an opened task with GET …/task/{id} and completes it with POST
 * …/task/{id}/submit-form (or …/complete); the first answer names the task's process instance,
 * the second says it is done. The case's next task may be created a moment later (asynchronous
 * steps), so the open tasks of that instance are asked a few times.
 */

import { claimAndOpen, currentUser, element, getJson, language } from './task-actions.js';

const NOTICE = 'cd-next-task';
const TASK = /\/task\/([^/?]+)(?:\?.*)?$/;
const COMPLETE = /\/task\/([^/?]+)\/(?:submit-form|complete)(?:\?.*)?$/;

const TEXTS = {
  zh: { next: '下一步', go: '继续办理', close: '知道了', cannotClaim: '无法认领该任务，请在任务列表中查找。' },
  en: { next: 'Next step', go: 'Continue', close: 'OK', cannotClaim: 'Cannot claim the task, find it in the list.' }
};

/** Task id → process instance id, of the tasks Tasklist opened. */
const instances = new Map();

/** The task the user may work next in that instance: theirs first, then one offered to them. */
export function pickNext(assigned, offered, finishedId) {
  const mine = (assigned || []).filter((task) => task.id !== finishedId);
  if (mine.length) {
    return mine[0];
  }
  const open = (offered || []).filter((task) => task.id !== finishedId && !task.assignee);
  return open.length ? open[0] : null;
}

async function nextTask(instanceId, finishedId, user) {
  const query = `task?processInstanceId=${encodeURIComponent(instanceId)}&sortBy=priority&sortOrder=desc`
    + '&firstResult=0&maxResults=5';
  const [assigned, offered] = await Promise.all([getJson(`${query}&assignee=${encodeURIComponent(user)}`),
    getJson(`${query}&candidateUser=${encodeURIComponent(user)}`)]);
  return pickNext(assigned, offered, finishedId);
}

function remove() {
  document.querySelectorAll(`.${NOTICE}`).forEach((old) => old.remove());
}

export function show(task, caseNumber) {
  const texts = TEXTS[language()];
  remove();
  const notice = element('div', NOTICE);
  notice.setAttribute('role', 'status');
  notice.dataset.taskId = task.id;
  notice.dataset.taskName = task.name || '';
  const text = element('div', `${NOTICE}-text`);
  text.append(`${texts.next}：`, element('strong', `${NOTICE}-name`, task.name || task.taskDefinitionKey));
  if (caseNumber) {
    text.append(`（${caseNumber}）`);
  }
  const go = element('button', `btn btn-primary btn-sm ${NOTICE}-go`, texts.go);
  go.type = 'button';
  go.addEventListener('click', async () => {
    go.disabled = true;
    if (await claimAndOpen(task.id)) {
      notice.remove();
    } else {
      text.append(element('div', `${NOTICE}-problem`, texts.cannotClaim));
      go.remove();
    }
  });
  const close = element('button', `btn btn-default btn-sm ${NOTICE}-dismiss`, texts.close);
  close.type = 'button';
  close.addEventListener('click', () => notice.remove());
  notice.append(text, go, close);
  document.body.appendChild(notice);
}

function pause(millis) {
  return new Promise((resolve) => { setTimeout(resolve, millis); });
}

async function completed(taskId) {
  const instanceId = instances.get(taskId);
  instances.delete(taskId);
  if (!instanceId) {
    return;
  }
  try {
    const user = await currentUser();
    if (!user) {
      return;
    }
    for (let attempt = 0; attempt < 6; attempt++) {
      const task = await nextTask(instanceId, taskId, user);
      if (task) {
        const instance = await getJson(`process-instance/${encodeURIComponent(instanceId)}`);
        show(task, instance && instance.businessKey);
        return;
      }
      await pause(1000);
    }
  } catch (error) {
    console.warn('complaint desk: cannot look up the next task', error);
  }
}

function addStyle() {
  const style = document.createElement('style');
  style.dataset.complaintDesk = 'next-task';
  style.textContent = `
.${NOTICE} { position: fixed; top: 52px; left: 50%; transform: translateX(-50%); z-index: 1040;
  display: flex; align-items: center; gap: 16px; max-width: 90vw; padding: 10px 16px;
  background: #d9edf7; border: 1px solid #31708f; border-radius: 4px; color: #1f4e66;
  box-shadow: 0 2px 8px rgba(0,0,0,.2); font-size: 15px; }
.${NOTICE}-name { font-size: 16px; }
`;
  document.head.appendChild(style);
}

function watchTasks() {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function openAndRemember(method, url, ...rest) {
    const verb = String(method).toUpperCase();
    const path = String(url);
    const done = verb === 'POST' ? COMPLETE.exec(path) : null;
    const read = verb === 'GET' ? TASK.exec(path) : null;
    this.cdCompletes = done ? decodeURIComponent(done[1]) : null;
    this.cdReads = read ? decodeURIComponent(read[1]) : null;
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function sendAndWatch(...args) {
    if (this.cdCompletes || this.cdReads) {
      this.addEventListener('load', () => {
        if (this.status < 200 || this.status >= 300) {
          return;
        }
        if (this.cdCompletes) {
          completed(this.cdCompletes);
          return;
        }
        try {
          const task = JSON.parse(this.responseText);
          if (task && task.id === this.cdReads && task.processInstanceId) {
            instances.set(task.id, task.processInstanceId);
          }
        } catch (error) {
          // not a task: nothing to remember
        }
      });
    }
    return send.apply(this, args);
  };
}

if (typeof document !== 'undefined' && document.body) {
  addStyle();
  watchTasks();
  // a new task opened or another user: an old notice no longer applies
  window.addEventListener('hashchange', () => {
    const shown = document.querySelector(`.${NOTICE}`);
    if (shown && /^#\/login/.test(window.location.hash)) {
      shown.remove();
      return;
    }
    const params = new URLSearchParams(window.location.hash.replace(/^#\/?\??/, ''));
    if (shown && params.get('task') && params.get('task') !== shown.dataset.taskId) {
      shown.remove();
    }
  });
}
