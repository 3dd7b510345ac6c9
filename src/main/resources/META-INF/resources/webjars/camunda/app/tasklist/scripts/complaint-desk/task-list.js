/*
 * Tasklist custom script (listed in customScripts of ../config.js): a task list a person can scan.
 *
 * - Each task of a complaint shows a line of badges under its name, always (not behind the
 *   chevron): the level as 一级/二级/三级, 重大 for a major complaint, the client as VIP 客户/优选类客户
 *   (the four priorities, POLICY §5), and the due date as a date ("截止 12月8日 17:00", red when
 *   overdue). The values are the filter's columns (system/TasklistFilters: level, major,
 *   clientTier), which Tasklist already renders in the card; this script reads them there.
 * - The raw priority points of the task-priority decision (210, 70, 10) read as a word: VIP, 优选,
 *   重大 or 普通 (the points stay in the tooltip).
 * - The list header names the order the desk's filters sort by (priority, then due date): without
 *   a sorting of its own in the address, Tasklist would say "按创建时间排序" while the filter's
 *   order applies first. The sorting is set in the address as Tasklist's own header would set it.
 * - A task nobody has claimed yet carries a 认领 button in the list: one click claims it for the
 *   user and opens it, ready to fill in (before: open it, then 认领 over the form). Only the button
 *   claims; opening a task by its name still only shows it (the group's queue stays a queue). The
 *   engine decides: a task someone else claimed meanwhile is refused and the line says so.
 */

import { claimAndOpen, language } from './task-actions.js';

/** Chinese first (GLOSSARY.md); English for an English Tasklist. */
const WORDS = {
  zh: { claim: '认领', claimTitle: '认领并打开此任务', claimRefused: '无法认领：可能已被他人认领，请刷新列表。', levels: { 1: '一级', 2: '二级', 3: '三级' }, major: '重大', tiers: { VIP: 'VIP 客户', PREFERRED: '优选类客户' },
    due: '截止', priority: { VIP: 'VIP', PREFERRED: '优选', MAJOR: '重大', NORMAL: '普通' }, points: '优先级' },
  en: { claim: 'Claim', claimTitle: 'Claim and open this task', claimRefused: 'Cannot claim: someone may have claimed it, refresh the list.', levels: { 1: 'Level 1', 2: 'Level 2', 3: 'Level 3' }, major: 'Major', tiers: { VIP: 'VIP client', PREFERRED: 'Preferred client' },
    due: 'Due', priority: { VIP: 'VIP', PREFERRED: 'Preferred', MAJOR: 'Major', NORMAL: 'Normal' }, points: 'Priority' }
};

const BADGES = 'cd-task-badges';
const QUEUE_ORDER = JSON.stringify([{ sortBy: 'priority', sortOrder: 'desc' }, { sortBy: 'dueDate', sortOrder: 'asc' }]);

/** The word for a task's priority: the client tier first (四优先), then a major complaint. */
export function priorityWord(tier, major, words = WORDS.zh) {
  if (tier === 'VIP') {
    return words.priority.VIP;
  }
  if (tier === 'PREFERRED') {
    return words.priority.PREFERRED;
  }
  return major ? words.priority.MAJOR : words.priority.NORMAL;
}

/** The badges of a task from its filter variables ({level, major, clientTier} as texts). */
export function badges(variables, words = WORDS.zh) {
  const list = [];
  const level = words.levels[String(variables.level || '').trim()];
  if (level) {
    list.push({ kind: `level level-${String(variables.level).trim()}`, text: level });
  }
  if (String(variables.major).trim() === 'true') {
    list.push({ kind: 'major', text: words.major });
  }
  const tier = words.tiers[String(variables.clientTier || '').trim()];
  if (tier) {
    list.push({ kind: 'tier', text: tier });
  }
  return list;
}

function variablesOf(item) {
  const values = {};
  item.querySelectorAll('.variable-item').forEach((row) => {
    const label = row.querySelector('.variable-label');
    const value = row.querySelector('.variable-value');
    const name = label && label.getAttribute('uib-tooltip');
    if (name && value) {
      values[name] = value.textContent.trim();
    }
  });
  return values;
}

function dueText(item, words) {
  const due = item.querySelector('.due-date [uib-tooltip]');
  if (!due) {
    return null;
  }
  return { text: `${words.due} ${due.getAttribute('uib-tooltip')}`, overdue: item.querySelector('.due-date.overdue') !== null };
}

function render(item) {
  const words = WORDS[language()];
  const variables = variablesOf(item);
  const list = badges(variables, words);
  const due = dueText(item, words);
  const key = JSON.stringify([list, due]);
  let line = item.querySelector(`.${BADGES}`);
  if (line && line.dataset.key === key) {
    return;
  }
  const names = item.querySelector('.names');
  if (!names) {
    return;
  }
  if (!line) {
    line = document.createElement('div');
    line.className = BADGES;
    names.appendChild(line);
  }
  line.dataset.key = key;
  line.textContent = '';
  list.forEach((badge) => {
    const span = document.createElement('span');
    span.className = `cd-badge ${badge.kind}`;
    span.textContent = badge.text;
    line.appendChild(span);
  });
  if (due) {
    const span = document.createElement('span');
    span.className = `cd-due${due.overdue ? ' overdue' : ''}`;
    span.textContent = due.text;
    line.appendChild(span);
  }
  const priority = item.querySelector('.cells-wrapper .priority');
  if (priority && ('level' in variables || 'clientTier' in variables)) {
    const points = priority.dataset.points || priority.textContent.trim();
    const word = priorityWord(variables.clientTier, String(variables.major).trim() === 'true', words);
    if (priority.textContent.trim() !== word) {
      priority.dataset.points = points;
      priority.textContent = word;
      priority.title = `${words.points} ${points}`;
    }
  }
}

const CLAIM = 'cd-list-claim';

function taskIdOf(item) {
  const link = item.querySelector('h4.task a');
  const match = link && /[?&]task=([^&]+)/.exec(link.getAttribute('href') || '');
  return match ? decodeURIComponent(match[1]) : null;
}

/** The 认领 button of an unclaimed task's list item (gone once the list shows an assignee). */
function renderClaim(item) {
  const words = WORDS[language()];
  const taskId = taskIdOf(item);
  let button = item.querySelector(`.${CLAIM}`);
  if (!taskId || item.querySelector('h5.assignee')) {
    if (button) {
      button.remove();
    }
    return;
  }
  if (button && button.dataset.taskId === taskId) {
    return;
  }
  const names = item.querySelector('.names');
  if (!names) {
    return;
  }
  if (button) {
    button.remove();
  }
  button = document.createElement('button');
  button.type = 'button';
  button.className = `btn btn-default btn-xs ${CLAIM}`;
  button.dataset.taskId = taskId;
  button.textContent = words.claim;
  button.title = words.claimTitle;
  button.addEventListener('click', async (event) => {
    event.preventDefault();
    event.stopPropagation();
    button.disabled = true;
    if (!(await claimAndOpen(taskId))) {
      button.textContent = words.claimRefused;
    }
  });
  names.appendChild(button);
}

function renderAll() {
  document.querySelectorAll('ol.tasks-list > li.task').forEach((item) => {
    render(item);
    renderClaim(item);
  });
}

/** Tasklist's own default order ("按创建时间排序", newest first), which it writes into the address. */
const TASKLIST_DEFAULT = [{ sortBy: 'created', sortOrder: 'desc' }];

function isTasklistDefault(sorting) {
  if (!sorting) {
    return true;
  }
  try {
    const parsed = JSON.parse(sorting);
    return Array.isArray(parsed) && (parsed.length === 0 || (parsed.length === 1
      && (parsed[0].sortBy || 'created') === TASKLIST_DEFAULT[0].sortBy
      && (parsed[0].sortOrder || 'desc') === TASKLIST_DEFAULT[0].sortOrder));
  } catch (error) {
    return false;
  }
}

/** Per login (Tasklist renders its user menu anew): the filters already put in queue order. */
const sortedFor = new WeakMap();

/**
 * Sorting in the address, as Tasklist's header sets it: the desk's queue order, once per filter and
 * login where Tasklist shows its own default (a person who then picks another order keeps it).
 */
function sortLikeTheFilters() {
  const hash = window.location.hash || '';
  if (!/^#\/(\?|$)/.test(hash) || !document.querySelector('.task-filters .task-filter')) {
    return; // not the task list
  }
  const params = new URLSearchParams(hash.replace(/^#\/\??/, ''));
  const filter = params.get('filter') || '';
  const account = document.querySelector('li.account');
  if (!filter || !account) {
    return;
  }
  const done = sortedFor.get(account) || new Set();
  sortedFor.set(account, done);
  if (done.has(filter) || !isTasklistDefault(params.get('sorting'))) {
    return;
  }
  done.add(filter);
  params.set('sorting', QUEUE_ORDER);
  window.location.replace(`${window.location.pathname}${window.location.search}#/?${params.toString()}`);
}

function addStyle() {
  const style = document.createElement('style');
  style.dataset.complaintDesk = 'task-list';
  style.textContent = `
.${BADGES} { margin: 2px 0 0; display: flex; flex-wrap: wrap; gap: 4px; align-items: center; font-size: 12px; }
.cd-badge { padding: 0 6px; border-radius: 3px; line-height: 18px; background: #e8eef5; color: #234; }
.cd-badge.level-2 { background: #fcefdc; color: #7a4a00; }
.cd-badge.level-3 { background: #f9dede; color: #8a1f1f; }
.cd-badge.major { background: #d9534f; color: #fff; font-weight: bold; }
.cd-badge.tier { background: #f5e7b8; color: #5c4500; }
.cd-due { color: #555; }
.cd-due.overdue { color: #c9302c; font-weight: bold; }
ol.tasks-list .cells-wrapper .priority { white-space: nowrap; }
.${CLAIM} { margin-top: 4px; }
.${CLAIM}[disabled] { white-space: normal; text-align: left; }
`;
  document.head.appendChild(style);
}

if (typeof document !== 'undefined' && document.body) {
  addStyle();
  let scheduled = false;
  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        renderAll();
        sortLikeTheFilters();
      });
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}
