/*
 * Tasklist custom script (listed in customScripts of ../config.js): after "启动" in the Start
 * process dialog, Tasklist only says "流程已启动" and the agent had to hunt for the case number
 * to tell the customer. Now a notice at the top of Tasklist names the case number (受理编号) and
 * the date by which the case will be closed (处理期限), and stays until the agent closes it.
 *
 * Tasklist starts a process with POST …/process-definition/{id}/submit-form (or …/start); its
 * answer names the new instance. For a complaint (complaint-handling) the notice reads the
 * instance's caseNumber and closeOn variables through the web apps' engine API with the user's
 * own session: the engine's access rule applies as everywhere.
 *
 * The agent who registered a complaint usually verifies it next (核实, first contact within one
 * working day): "立即核实" in the notice claims the new case's verification for them and opens it,
 * instead of finding it in a filter, opening and claiming it (three clicks). Offered only when
 * the user may work that task (the engine refuses the claim otherwise, and the notice says so).
 */

import { claimAndOpen, element, getJson, language } from './task-actions.js';

const START = /\/process-definition\/(?:key\/[^/]+|[^/]+)\/(?:submit-form|start)(?:\?.*)?$/;
const NOTICE = 'cd-start-notice';

const TEXTS = {
  zh: {
    registered: '投诉已受理登记',
    caseNumber: '受理编号',
    tell: '请告知客户',
    closeBy: '处理期限',
    before: '前结案',
    close: '知道了',
    verifyNow: '立即核实',
    cannotClaim: '无法认领核实任务，请在任务列表中查找。'
  },
  en: {
    registered: 'Complaint registered',
    caseNumber: 'Case number',
    tell: 'tell the customer',
    closeBy: 'Deadline',
    before: '(to be closed by then)',
    close: 'OK'
  }
};

/** The case's open verification task, if the user may see it. */
async function verificationOf(instanceId) {
  const tasks = await getJson(`task?processInstanceId=${encodeURIComponent(instanceId)}`
    + '&taskDefinitionKey=verifyComplaint&firstResult=0&maxResults=1');
  return tasks && tasks.length ? tasks[0] : null;
}

async function variable(instanceId, name) {
  const answer = await getJson(`process-instance/${encodeURIComponent(instanceId)}/variables/${name}`
    + '?deserializeValue=false');
  return answer ? answer.value : null;
}

export function show(caseNumber, closeOn, verification) {
  const texts = TEXTS[language()];
  document.querySelectorAll(`.${NOTICE}`).forEach((old) => old.remove());
  const notice = element('div', NOTICE);
  notice.setAttribute('role', 'status');
  notice.dataset.caseNumber = caseNumber;
  const text = element('div', `${NOTICE}-text`);
  text.append(element('strong', null, `${texts.registered}：`), `${texts.caseNumber} `,
    element('strong', `${NOTICE}-case`, caseNumber), `（${texts.tell}）`);
  if (closeOn) {
    text.append(' · ', `${texts.closeBy}：`, element('strong', `${NOTICE}-close`, closeOn), ` ${texts.before}`);
  }
  const close = element('button', `btn btn-default btn-sm ${NOTICE}-dismiss`, texts.close);
  close.type = 'button';
  close.addEventListener('click', () => notice.remove());
  if (verification) {
    const verify = element('button', `btn btn-primary btn-sm ${NOTICE}-verify`, texts.verifyNow);
    verify.type = 'button';
    verify.addEventListener('click', async () => {
      verify.disabled = true;
      if (await claimAndOpen(verification.id)) {
        notice.remove();
      } else {
        text.append(element('div', `${NOTICE}-problem`, texts.cannotClaim));
        verify.remove();
      }
    });
    notice.append(text, verify, close);
  } else {
    notice.append(text, close);
  }
  document.body.appendChild(notice);
}

async function started(answer) {
  if (!answer || !answer.id || !/^complaint-handling:/.test(answer.definitionId || '')) {
    return;
  }
  try {
    const [caseNumber, closeOn, verification] = await Promise.all([variable(answer.id, 'caseNumber'),
      variable(answer.id, 'closeOn'), verificationOf(answer.id).catch(() => null)]);
    const number = caseNumber || answer.businessKey;
    if (number) {
      show(number, closeOn, verification && !verification.assignee ? verification : null);
    }
  } catch (error) {
    console.warn('complaint desk: cannot read the new case number', error);
  }
}

function addStyle() {
  const style = document.createElement('style');
  style.dataset.complaintDesk = 'start-notice';
  style.textContent = `
.${NOTICE} { position: fixed; top: 52px; left: 50%; transform: translateX(-50%); z-index: 1040;
  display: flex; align-items: center; gap: 16px; max-width: 90vw; padding: 10px 16px;
  background: #dff0d8; border: 1px solid #3c763d; border-radius: 4px; color: #2b542c;
  box-shadow: 0 2px 8px rgba(0,0,0,.2); font-size: 15px; }
.${NOTICE}-case { font-size: 17px; letter-spacing: .5px; user-select: all; }
`;
  document.head.appendChild(style);
}

function watchStarts() {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function openAndRemember(method, url, ...rest) {
    this.cdStart = String(method).toUpperCase() === 'POST' && START.test(String(url));
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function sendAndWatch(...args) {
    if (this.cdStart) {
      this.addEventListener('load', () => {
        if (this.status === 200) {
          try {
            started(JSON.parse(this.responseText));
          } catch (error) {
            // not the answer we know: Tasklist's own message stays
          }
        }
      });
    }
    return send.apply(this, args);
  };
}

if (typeof document !== 'undefined' && document.body) {
  addStyle();
  watchStarts();
}
