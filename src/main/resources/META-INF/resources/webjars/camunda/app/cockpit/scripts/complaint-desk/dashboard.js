/*
 * "Complaint desk": a Cockpit dashboard plugin (plugin point cockpit.dashboard, Cockpit's plain-JS
 * plugin format since 7.14), listed in customScripts of ../config.js.
 *
 * It shows the figures of GET /api/reports/dashboard: open cases by level and age, cases at risk
 * (due within a working day) and overdue with links to their process instances, open major
 * complaints, this month's satisfaction answers and upgrades, and registered/closed cases per ISO
 * week. The API reads the Cockpit session; it answers 403 to anyone but supervisors, directors,
 * the general manager and admins, and then the plugin shows nothing at all.
 *
 * Plain DOM and Chart.js (UMD build of the webjar org.webjars.npm:chart.js in pom.xml, served by
 * Spring Boot under /webjars; nothing is fetched from outside).
 *
 * Chinese first (GLOSSARY.md terms): the plugin speaks Chinese when Cockpit shows its zh locale
 * or the browser's language is Chinese, and English otherwise (TEXTS below).
 */

const API = '/api/reports/dashboard';

// the clocks coming due, compensations waiting for approval, each handler's workload (DeskWork)
const WORK_API = '/api/reports/dashboard/work';

// closed cases, searched with the desk's one access rule (GET /api/complaints)
const SEARCH_API = '/api/complaints';

// the webjar's versioned path: keep the version in step with org.webjars.npm:chart.js in pom.xml
const CHART_JS = '/webjars/chart.js/4.5.1/dist/chart.umd.js';

const STYLESHEET = new URL('dashboard.css', import.meta.url).href;

const AGES = [
  { key: 'underOneDay', color: '#8cc98f' },
  { key: 'oneToThreeDays', color: '#4a90d9' },
  { key: 'threeToSevenDays', color: '#f0ad4e' },
  { key: 'overSevenDays', color: '#d9534f' }
];

const ANSWER_COLORS = ['#2e8b57', '#8cc98f', '#b8b8b8', '#f0ad4e', '#d9534f'];

/** Every text a person reads, per language; zh first, in the terms of GLOSSARY.md. */
const TEXTS = {
  zh: {
    locale: 'zh-CN',
    title: '投诉受理台',
    ages: { underOneDay: '< 1 天', oneToThreeDays: '1–3 天', threeToSevenDays: '3–7 天', overSevenDays: '> 7 天' },
    // POLICY §6: the five callback answers
    answers: ['非常满意', '满意', '可理解/接受', '不满意', '非常不满意'],
    answerLines: (answer, name) => [`${answer}`, name],
    cannotLoad: (message) => `无法加载投诉受理台的数据：${message}`,
    notAvailable: (status) => `投诉受理台的数据暂不可用（HTTP ${status}）。`,
    chartsUnavailable: '图表无法显示：',
    duration: (days, hours, minutes) => [days && `${days} 天`, hours && `${hours} 小时`, minutes && `${minutes} 分钟`]
      .filter(Boolean).join(' '),
    dueNow: '即将到期',
    dueIn: (duration) => `${duration}后到期`,
    overdueBy: (duration) => `已逾期 ${duration}`,
    time: (parts) => `${parts.month}月${parts.day}日 ${parts.weekday} ${parts.hour}:${parts.minute}`,
    month: (year, month) => `${year}年${month}月`,
    refresh: '刷新',
    asOf: (time, zone) => `截至 ${time}（${zone}）`,
    levelsTitle: '未结投诉：按级别和已用时长',
    satisfactionTitle: (month) => `${month}回访满意度`,
    answersNote: [' 份回访答复，1 = 非常满意 … 5 = 非常不满意'],
    weeksTitle: '每周趋势：受理登记与结案',
    weeksNote: (from, to) => `ISO 周 ${from} 至 ${to}（本周截至目前）`,
    overdue: '逾期',
    noOverdue: '没有超过处理期限的未结投诉。',
    atRiskTitle: '临近期限：一个工作日内到期',
    noAtRisk: '下一个工作日内没有到期的投诉。',
    majorTitle: '重大投诉（未结）',
    noMajor: '没有未结的重大投诉。',
    levelShort: (level) => `${['一', '二', '三'][level - 1] || level}级`,
    levelCount: (level, total) => `${['一', '二', '三'][level - 1] || level}级 ${total}`,
    openCases: '未结投诉',
    atRisk: '临近期限',
    dueBy: (time) => `${time} 前到期`,
    overdueNote: '未结且已超过处理期限',
    major: '重大投诉',
    majorNote: '未结',
    upgrades: '自动升级',
    paused: '等待客户',
    pausedNote: '暂停计时中',
    upgradesNote: (month) => `${month}升级到下一级别`,
    level: '级别',
    total: '合计',
    openInstance: '打开流程实例',
    majorBadge: '重大',
    caseNumber: '受理编号',
    customer: '投诉人',
    deadline: '处理期限',
    firstOf: (shown, count) => `共 ${count} 件，按紧急程度显示前 ${shown} 件。`,
    answersLabel: '答复数',
    registered: '受理登记',
    closed: '结案',
    weekTooltip: (week, from) => `${week}，自 ${from} 起`,
    clocksTitle: '下一个工作日内到期的时限',
    clocks: {
      firstContact: ['首次联系', '受理后 1 个工作日内联系客户'],
      solution: ['提出解决方案', '1 个工作日内提出解决方案'],
      callback: ['满意度回访', '处理结束后 3 个工作日内回访']
    },
    noClock: '没有即将到期的任务。',
    assignee: '处理人',
    unassigned: '待认领',
    due: '到期',
    approvalsTitle: '待审批的赔偿',
    approvalsTotal: (count, amount) => `${count} 件，合计 ${amount}`,
    noApprovals: '没有待审批的赔偿。',
    amount: '金额',
    approver: '审批组',
    handledBy: '提出人',
    workloadTitle: '各受理人的未办任务',
    handler: '受理人',
    openTasks: '已认领未办',
    noWorkload: '目前没有人认领着未办的任务。',
    unclaimedTitle: '各组待认领',
    groups: { agents: '客服专员', supervisors: '客服主管', directors: '总监', gm: '总经理', clerks: '事务文员' },
    lookupTitle: '查询已结案件',
    lookupPlaceholder: '受理编号、投诉人姓名、电话或客户编号',
    lookup: '查询',
    lookupNone: '没有符合条件的已结案件。',
    lookupFailed: (status) => `查询失败（HTTP ${status}）。`,
    outcome: '结案结果',
    received: '受理时间',
    outcomes: { RESOLVED: '已解决', NOT_SUBSTANTIATED: '投诉不成立', UNREACHABLE: '无法联系', GM_DECIDED: '总经理裁决' },
    currency: (amount) => new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(amount)
  },
  en: {
    locale: 'en-GB',
    title: 'Complaint desk',
    ages: { underOneDay: '< 1 day', oneToThreeDays: '1–3 days', threeToSevenDays: '3–7 days', overSevenDays: '> 7 days' },
    answers: ['very satisfied', 'satisfied', 'acceptable', 'dissatisfied', 'very dissatisfied'],
    // "1", "very", "satisfied" on lines of their own: upright labels that fit a narrow chart
    answerLines: (answer, name) => [`${answer}`, ...name.split(' ')],
    cannotLoad: (message) => `The complaint desk figures cannot be loaded: ${message}`,
    notAvailable: (status) => `The complaint desk figures are not available (HTTP ${status}).`,
    chartsUnavailable: 'Charts unavailable: ',
    duration: (days, hours, minutes) => [days && `${days} d`, hours && `${hours} h`, minutes && `${minutes} min`]
      .filter(Boolean).join(' '),
    dueNow: 'due now',
    dueIn: (duration) => `in ${duration}`,
    overdueBy: (duration) => `${duration} overdue`,
    time: (parts) => `${parts.weekday} ${parts.day} ${parts.monthName}, ${parts.hour}:${parts.minute}`,
    month: (year, month, name) => `${name} ${year}`,
    refresh: 'Refresh',
    asOf: (time, zone) => `as of ${time} (${zone})`,
    levelsTitle: 'Open cases by level and age',
    satisfactionTitle: (month) => `Satisfaction in ${month}`,
    answersNote: [' callback answers, 1 = very satisfied … 5 = very dissatisfied'],
    weeksTitle: 'Weekly trend: registered and closed',
    weeksNote: (from, to) => `ISO weeks ${from} to ${to} (current week so far)`,
    overdue: 'Overdue',
    noOverdue: 'No open case is past its deadline.',
    atRiskTitle: 'At risk — due within a working day',
    noAtRisk: 'No case falls due within the next working day.',
    majorTitle: 'Major complaints (open)',
    noMajor: 'No open major complaint.',
    levelShort: (level) => `Level ${level}`,
    levelCount: (level, total) => `L${level}: ${total}`,
    openCases: 'Open cases',
    atRisk: 'At risk',
    dueBy: (time) => `due by ${time}`,
    overdueNote: 'open past the case deadline',
    major: 'Major complaints',
    majorNote: 'open',
    upgrades: 'Upgrades',
    paused: 'Waiting for the customer',
    pausedNote: 'clocks stopped',
    upgradesNote: (month) => `raised a level in ${month}`,
    level: 'Level',
    total: 'Total',
    openInstance: 'Open the process instance',
    majorBadge: 'major',
    caseNumber: 'Case',
    customer: 'Customer',
    deadline: 'Deadline',
    firstOf: (shown, count) => `The first ${shown} of ${count}, most urgent first.`,
    answersLabel: 'Answers',
    registered: 'Registered',
    closed: 'Closed',
    weekTooltip: (week, from) => `${week}, from ${from}`,
    clocksTitle: 'Clocks falling due within the next working day',
    clocks: {
      firstContact: ['First contact', 'customer reached within 1 working day of receipt'],
      solution: ['Solution', 'a solution within 1 working day'],
      callback: ['Callback', 'within 3 working days of handling']
    },
    noClock: 'Nothing falls due.',
    assignee: 'Handler',
    unassigned: 'unclaimed',
    due: 'Due',
    approvalsTitle: 'Compensations waiting for approval',
    approvalsTotal: (count, amount) => `${count}, in all ${amount}`,
    noApprovals: 'No compensation waits for approval.',
    amount: 'Amount',
    approver: 'Approver group',
    handledBy: 'Proposed by',
    workloadTitle: 'Open tasks per handler',
    handler: 'Handler',
    openTasks: 'Claimed, open',
    noWorkload: 'Nobody holds an open task.',
    unclaimedTitle: 'Unclaimed per group',
    groups: { agents: 'Agents', supervisors: 'Supervisors', directors: 'Directors', gm: 'General manager', clerks: 'Clerks' },
    lookupTitle: 'Closed cases',
    lookupPlaceholder: 'case number, complainant, phone or customer id',
    lookup: 'Look up',
    lookupNone: 'No closed case matches.',
    lookupFailed: (status) => `The lookup failed (HTTP ${status}).`,
    outcome: 'Outcome',
    received: 'Received',
    outcomes: { RESOLVED: 'resolved', NOT_SUBSTANTIATED: 'not substantiated', UNREACHABLE: 'unreachable', GM_DECIDED: 'GM decided' },
    currency: (amount) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'CNY' }).format(amount)
  }
};

/**
 * The language of the plugin: Chinese when Cockpit shows its zh locale (angular-translate's
 * current language) or the browser's first language is Chinese, English otherwise.
 */
function language() {
  let cockpit = null;
  try {
    const injector = window.angular && window.angular.element(document.body).injector();
    if (injector && injector.has('$translate')) {
      const translate = injector.get('$translate');
      cockpit = translate.use() || translate.proposedLanguage() || null;
    }
  } catch (error) {
    cockpit = null;
  }
  const browser = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  return /^zh/i.test(cockpit || '') || /^zh/i.test(browser) ? 'zh' : 'en';
}

const views = new Set();

let chartLibrary = null;

/** Chart.js once per page, by a script element (the Cockpit page's CSP trusts scripts its modules add). */
function loadChartJs() {
  if (window.Chart) {
    return Promise.resolve(window.Chart);
  }
  if (!chartLibrary) {
    chartLibrary = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = CHART_JS;
      script.async = true;
      // were an AMD define() on the page (RequireJS of legacy plugins), the UMD bundle would register
      // an anonymous module with it instead of window.Chart: hide it until the bundle ran
      const amdDefine = window.define;
      window.define = undefined;
      const restore = () => {
        if (window.define === undefined) {
          window.define = amdDefine;
        }
      };
      script.onload = () => {
        restore();
        if (window.Chart) {
          resolve(window.Chart);
        } else {
          reject(new Error(`${CHART_JS} did not define Chart`));
        }
      };
      script.onerror = () => {
        restore();
        script.remove();
        chartLibrary = null;
        reject(new Error(`Cannot load ${CHART_JS}`));
      };
      document.head.appendChild(script);
    });
  }
  return chartLibrary;
}

/**
 * Resolves once Cockpit (AngularJS) has had no request in flight for 0.4 s, or after 10 s. The
 * first GET /api call of a Cockpit session makes the server give the session a new id (Spring
 * Security's session fixation protection in the /api security chain); a Cockpit request still
 * under way with the old id would come back 401 with a new, empty session, and Cockpit would show
 * its login page. So the plugin calls the API only while Cockpit itself is quiet.
 */
function cockpitIdle() {
  const injector = window.angular && window.angular.element(document.body).injector();
  const http = injector && injector.has('$http') ? injector.get('$http') : null;
  return new Promise((resolve) => {
    if (!http) {
      resolve();
      return;
    }
    const until = Date.now() + 10000;
    let quiet = 0;
    const check = () => {
      quiet = http.pendingRequests.length === 0 ? quiet + 1 : 0;
      if (quiet >= 4 || Date.now() > until) {
        resolve();
      } else {
        setTimeout(check, 100);
      }
    };
    check();
  });
}

function addStylesheet() {
  if (!document.querySelector('link[data-complaint-desk-styles]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = STYLESHEET;
    link.dataset.complaintDeskStyles = '';
    document.head.appendChild(link);
  }
}

/** el('td', { className: 'x', dataset: { a: 1 } }, 'text', child, ...) */
function el(tag, properties, ...children) {
  const element = document.createElement(tag);
  Object.entries(properties || {}).forEach(([name, value]) => {
    if (name === 'dataset') {
      Object.entries(value).forEach(([key, data]) => {
        element.dataset[key] = data;
      });
    } else if (name === 'attributes') {
      Object.entries(value).forEach(([key, data]) => element.setAttribute(key, data));
    } else {
      element[name] = value;
    }
  });
  children.flat().forEach((child) => {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return element;
}

/** "2 d 5 h", "20 h", "1 h 15 min", "45 min" (in the plugin's language) */
function duration(text, minutes) {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) {
    return text.duration(days, hours, 0);
  }
  if (hours > 0) {
    return text.duration(0, hours, minutes % 60);
  }
  return text.duration(0, 0, minutes) || text.duration(0, 0, '0');
}

/** "20 小时后到期", "已逾期 2 天 5 小时", "即将到期" / "in 20 h", "2 d 5 h overdue", "due now" */
function relative(text, deadline, asOf) {
  const minutes = Math.round((Date.parse(deadline) - Date.parse(asOf)) / 60000);
  if (minutes === 0) {
    return text.dueNow;
  }
  return minutes > 0 ? text.dueIn(duration(text, minutes)) : text.overdueBy(duration(text, -minutes));
}

class DeskView {
  constructor(node) {
    this.node = node;
    this.text = TEXTS[language()];
    this.charts = [];
    this.destroyed = false;
    this.request = null;
  }

  async load() {
    this.request = new AbortController();
    await cockpitIdle();
    if (this.destroyed) {
      return;
    }
    let response;
    let workResponse;
    try {
      const call = (url) => fetch(url, {
        credentials: 'same-origin',
        // an XMLHttpRequest-style call gets a plain 401 without a login prompt of the browser
        headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
        signal: this.request.signal
      });
      [response, workResponse] = await Promise.all([call(API), call(WORK_API)]);
    } catch (error) {
      if (!this.destroyed) {
        this.fail(this.text.cannotLoad(error.message));
      }
      return;
    }
    if (this.destroyed) {
      return;
    }
    if (response.status === 401 || response.status === 403) {
      // not for this user: show nothing
      this.hide();
      return;
    }
    if (!response.ok) {
      this.fail(this.text.notAvailable(response.status));
      return;
    }
    const data = await response.json();
    data.work = workResponse.ok ? await workResponse.json() : null;
    if (this.destroyed) {
      return;
    }
    this.show(data);
    try {
      const Chart = await loadChartJs();
      if (!this.destroyed) {
        this.drawCharts(Chart, data);
      }
    } catch (error) {
      console.error('Complaint desk dashboard:', error);
      this.root.dataset.charts = 'unavailable';
      this.root.querySelectorAll('.cd-chart').forEach((box) => {
        box.replaceChildren(el('p', { className: 'cd-muted' }, this.text.chartsUnavailable, error.message));
      });
    }
  }

  destroy() {
    this.destroyed = true;
    if (this.request) {
      this.request.abort();
    }
    this.destroyCharts();
  }

  destroyCharts() {
    this.charts.forEach((chart) => chart.destroy());
    this.charts = [];
  }

  hide() {
    this.node.replaceChildren();
    const row = this.node.closest('.deprecate-dashboard-view');
    if (!row) {
      return;
    }
    row.style.display = 'none';
    // Cockpit's "Custom Plugins" section goes too when nothing else is in it
    const section = row.closest('section');
    if (section && Array.from(section.querySelectorAll('.deprecate-dashboard-view'))
      .every((other) => other.style.display === 'none')) {
      section.style.display = 'none';
    }
  }

  fail(message) {
    this.node.replaceChildren(el('div', { className: 'complaint-desk-dashboard', dataset: { state: 'error' } },
      el('h2', { className: 'cd-title' }, this.text.title),
      el('p', { className: 'cd-error' }, message)));
  }

  show(data) {
    this.destroyCharts();
    const text = this.text;
    const time = new Intl.DateTimeFormat(text.locale, {
      timeZone: data.zone, weekday: 'short', day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit',
      hourCycle: 'h23'
    });
    const monthNames = new Intl.DateTimeFormat('en-GB', { timeZone: data.zone, month: 'short' });
    // "11月20日 周五 16:00" / "Fri 20 Nov, 16:00": put together from the parts, the same in every browser
    this.time = (instant) => {
      const parts = Object.fromEntries(time.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
      parts.monthName = monthNames.format(new Date(instant));
      return text.time(parts);
    };
    this.asOf = data.asOf;
    const [year, month] = data.month.month.split('-');
    const monthName = text.month(year, Number(month), new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' })
      .format(new Date(`${data.month.month}-01T00:00:00Z`)));
    this.monthName = monthName;

    const refresh = el('button', { type: 'button', className: 'btn btn-default btn-xs cd-refresh' }, text.refresh);
    refresh.addEventListener('click', () => {
      this.root.dataset.state = 'loading';
      this.load();
    });

    this.root = el('div', { className: 'complaint-desk-dashboard', dataset: { state: 'ready' } },
      el('header', { className: 'cd-head' },
        el('h2', { className: 'cd-title' }, text.title),
        el('span', { className: 'cd-muted' }, text.asOf(this.time(data.asOf), data.zone)),
        refresh),
      this.kpis(data),
      data.work ? this.workPanels(data.work) : null,
      this.lookupPanel(),
      el('div', { className: 'cd-grid' },
        this.card(text.levelsTitle, 'levels', this.levelTable(data.open)),
        this.card(text.satisfactionTitle(monthName), 'satisfaction',
          el('p', { className: 'cd-muted cd-under-chart' },
            el('span', { dataset: { figure: 'answers' } }, data.month.answers),
            text.answersNote)),
        this.card(text.weeksTitle, 'weeks',
          el('p', { className: 'cd-muted cd-under-chart' },
            text.weeksNote(data.weeks[0].week, data.weeks[data.weeks.length - 1].week)))),
      el('div', { className: 'cd-grid' },
        this.caseTable(text.overdue, 'overdue', data.overdue, text.noOverdue),
        this.caseTable(text.atRiskTitle, 'at-risk', data.atRisk, text.noAtRisk),
        this.caseTable(text.majorTitle, 'major', data.major, text.noMajor)));
    this.node.replaceChildren(this.root);
  }

  kpis(data) {
    const text = this.text;
    const byLevel = data.open.byLevel.map((level) => text.levelCount(level.level, level.total)).join(' · ');
    const tile = (figure, label, value, note, tone) => el('div', { className: `cd-kpi ${tone || ''}` },
      el('div', { className: 'cd-kpi-label' }, label),
      el('div', { className: 'cd-kpi-value', dataset: { figure } }, value),
      el('div', { className: 'cd-kpi-note' }, note));
    return el('div', { className: 'cd-kpis' },
      tile('open-total', text.openCases, data.open.total, byLevel),
      tile('at-risk', text.atRisk, data.atRisk.count, text.dueBy(this.time(data.atRisk.dueBy)),
        data.atRisk.count > 0 ? 'cd-warn' : ''),
      tile('overdue', text.overdue, data.overdue.count, text.overdueNote,
        data.overdue.count > 0 ? 'cd-alert' : ''),
      tile('major', text.major, data.major.count, text.majorNote, data.major.count > 0 ? 'cd-alert' : ''),
      tile('upgrades', text.upgrades, data.month.upgrades, text.upgradesNote(this.monthName)),
      tile('paused', text.paused, data.paused ? data.paused.count : 0, text.pausedNote));
  }

  /** The clocks coming due, the approvals waiting with their amounts, each handler's workload. */
  workPanels(work) {
    const text = this.text;
    const clocks = work.clocks.map((clock) => {
      const [name, rule] = text.clocks[clock.clock] || [clock.clock, ''];
      const rows = clock.tasks.map((task) => {
        const late = Date.parse(task.due) < Date.parse(work.asOf);
        return el('tr', { dataset: { case: task.caseNumber || '' } },
          el('td', {}, task.caseNumber || '—'),
          el('td', {}, task.assignee || el('span', { className: 'cd-muted' }, text.unassigned)),
          el('td', {}, el('div', {}, this.time(task.due)),
            el('div', { className: late ? 'cd-late' : 'cd-soon' }, relative(text, task.due, work.asOf))));
      });
      return el('div', { className: 'cd-card', dataset: { clock: clock.clock } },
        el('h3', {}, `${name} `, el('span', { className: 'cd-count', dataset: { figure: `clock-${clock.clock}` } },
          `(${clock.count})`)),
        el('p', { className: 'cd-muted' }, rule),
        el('table', { className: 'cd-table' },
          el('thead', {}, el('tr', {}, el('th', {}, text.caseNumber), el('th', {}, text.assignee), el('th', {}, text.due))),
          el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colSpan: 3, className: 'cd-muted' }, text.noClock)))),
        clock.count > clock.tasks.length ? el('p', { className: 'cd-muted' }, text.firstOf(clock.tasks.length, clock.count)) : null);
    });

    const approvals = work.approvals;
    const approvalRows = approvals.cases.map((line) => el('tr', { dataset: { case: line.caseNumber } },
      el('td', {}, line.caseNumber),
      el('td', { className: 'cd-customer', title: line.customerName || '' }, line.customerName || '—'),
      el('td', { className: 'cd-num cd-amount' }, text.currency(line.amount)),
      el('td', {}, text.groups[line.approverGroup] || line.approverGroup),
      el('td', {}, line.handledBy || '—')));
    const approvalCard = el('div', { className: 'cd-card', dataset: { panel: 'approvals' } },
      el('h3', {}, `${text.approvalsTitle} `, el('span', { className: 'cd-count', dataset: { figure: 'approvals-count' } },
        `(${approvals.count})`)),
      el('p', { className: 'cd-muted', dataset: { figure: 'approvals-total' } },
        text.approvalsTotal(approvals.count, text.currency(approvals.totalAmount))),
      el('table', { className: 'cd-table' },
        el('thead', {}, el('tr', {}, el('th', {}, text.caseNumber), el('th', {}, text.customer),
          el('th', { className: 'cd-num' }, text.amount), el('th', {}, text.approver), el('th', {}, text.handledBy))),
        el('tbody', {}, approvalRows.length ? approvalRows
          : el('tr', {}, el('td', { colSpan: 5, className: 'cd-muted' }, text.noApprovals)))));

    const workload = work.workload;
    const workloadCard = el('div', { className: 'cd-card', dataset: { panel: 'workload' } },
      el('h3', {}, text.workloadTitle),
      el('table', { className: 'cd-table' },
        el('thead', {}, el('tr', {}, el('th', {}, text.handler), el('th', { className: 'cd-num' }, text.openTasks))),
        el('tbody', {}, workload.handlers.length
          ? workload.handlers.map((load) => el('tr', { dataset: { handler: load.userId } },
            el('td', {}, load.userId), el('td', { className: 'cd-num' }, load.open)))
          : el('tr', {}, el('td', { colSpan: 2, className: 'cd-muted' }, text.noWorkload)))),
      el('h3', {}, text.unclaimedTitle),
      el('table', { className: 'cd-table' },
        el('tbody', {}, workload.unclaimed.map((load) => el('tr', { dataset: { group: load.group } },
          el('td', {}, text.groups[load.group] || load.group), el('td', { className: 'cd-num' }, load.open))))));

    return el('div', { className: 'cd-work' },
      el('h3', { className: 'cd-section' }, text.clocksTitle),
      el('div', { className: 'cd-grid' }, clocks),
      el('div', { className: 'cd-grid cd-grid-2' }, approvalCard, workloadCard));
  }

  /** Closed cases by number or customer, from the desk's search (its access rule applies). */
  lookupPanel() {
    const text = this.text;
    const input = el('input', { type: 'search', className: 'form-control input-sm cd-lookup-q', placeholder: text.lookupPlaceholder,
      maxLength: 64 });
    const button = el('button', { type: 'submit', className: 'btn btn-default btn-sm cd-lookup-go' }, text.lookup);
    const result = el('div', { className: 'cd-lookup-result' });
    const form = el('form', { className: 'cd-lookup form-inline' }, input, ' ', button);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const q = input.value.trim();
      if (!q) {
        return;
      }
      result.dataset.state = 'loading';
      const response = await fetch(`${SEARCH_API}?status=CLOSED&size=10&q=${encodeURIComponent(q)}`, {
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'Accept-Language': text.locale, 'X-Requested-With': 'XMLHttpRequest' }
      });
      if (!response.ok) {
        result.replaceChildren(el('p', { className: 'cd-error' }, text.lookupFailed(response.status)));
        result.dataset.state = 'error';
        return;
      }
      const page = await response.json();
      result.replaceChildren(page.items.length
        ? el('table', { className: 'cd-table' },
          el('thead', {}, el('tr', {}, el('th', {}, text.caseNumber), el('th', {}, text.customer),
            el('th', { className: 'cd-num' }, text.level), el('th', {}, text.outcome), el('th', {}, text.received))),
          el('tbody', {}, page.items.map((item) => el('tr', { dataset: { case: item.caseNumber } },
            el('td', {}, item.caseNumber), el('td', {}, item.customerName || '—'),
            el('td', { className: 'cd-num' }, text.levelShort(item.level)),
            el('td', {}, text.outcomes[item.outcome] || item.outcome || '—'),
            el('td', {}, this.time(item.receivedAt))))))
        : el('p', { className: 'cd-muted' }, text.lookupNone));
      result.dataset.state = 'ready';
    });
    return el('div', { className: 'cd-card cd-lookup-card', dataset: { panel: 'lookup' } },
      el('h3', {}, text.lookupTitle), form, result);
  }

  card(title, chart, ...below) {
    return el('div', { className: 'cd-card' },
      el('h3', {}, title),
      el('div', { className: 'cd-chart' },
        el('canvas', { dataset: { chart }, attributes: { role: 'img', 'aria-label': title } })),
      below);
  }

  levelTable(open) {
    const text = this.text;
    return el('table', { className: 'cd-table cd-levels' },
      el('thead', {}, el('tr', {},
        el('th', {}, text.level),
        AGES.map((age) => el('th', { className: 'cd-num' }, text.ages[age.key])),
        el('th', { className: 'cd-num' }, text.total))),
      el('tbody', {}, open.byLevel.map((level) => el('tr', {},
        el('th', {}, text.levelShort(level.level)),
        AGES.map((age) => el('td', {
          className: `cd-num${age.key === 'overSevenDays' && level[age.key] > 0 ? ' cd-late' : ''}`,
          dataset: { level: level.level, age: age.key }
        }, level[age.key])),
        el('td', { className: 'cd-num', dataset: { level: level.level, age: 'total' } }, level.total)))));
  }

  caseTable(title, list, cases, empty) {
    const text = this.text;
    const rows = cases.cases.map((line) => {
      const late = Date.parse(line.deadline) < Date.parse(this.asOf);
      return el('tr', { dataset: { case: line.caseNumber } },
        el('td', {},
          el('a', { href: `#/process-instance/${encodeURIComponent(line.processInstanceId)}/runtime`,
            title: text.openInstance }, line.caseNumber),
          line.major && list !== 'major' ? el('span', { className: 'cd-badge' }, text.majorBadge) : null),
        el('td', { className: 'cd-num' }, line.level),
        el('td', { className: 'cd-customer', title: line.customerName }, line.customerName),
        el('td', {},
          el('div', {}, this.time(line.deadline)),
          el('div', { className: late ? 'cd-late' : 'cd-soon' }, relative(text, line.deadline, this.asOf))));
    });
    return el('div', { className: 'cd-card' },
      el('h3', {}, `${title} `, el('span', { className: 'cd-count', dataset: { figure: `${list}-count` } },
        `(${cases.count})`)),
      el('table', { className: 'cd-table', dataset: { list } },
        el('thead', {}, el('tr', {},
          el('th', {}, text.caseNumber), el('th', { className: 'cd-num' }, text.level), el('th', {}, text.customer),
          el('th', {}, text.deadline))),
        el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colSpan: 4, className: 'cd-muted' }, empty)))),
      cases.count > cases.cases.length
        ? el('p', { className: 'cd-muted' }, text.firstOf(cases.cases.length, cases.count))
        : null);
  }

  drawCharts(Chart, data) {
    this.destroyCharts();
    const text = this.text;
    const canvas = (name) => this.root.querySelector(`canvas[data-chart="${name}"]`);
    const common = {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } }
    };
    const counts = { beginAtZero: true, ticks: { precision: 0 } };

    this.charts.push(new Chart(canvas('levels'), {
      type: 'bar',
      data: {
        labels: data.open.byLevel.map((level) => text.levelShort(level.level)),
        datasets: AGES.map((age) => ({
          label: text.ages[age.key],
          data: data.open.byLevel.map((level) => level[age.key]),
          backgroundColor: age.color
        }))
      },
      options: { ...common, scales: { x: { stacked: true }, y: { ...counts, stacked: true } } }
    }));

    this.charts.push(new Chart(canvas('satisfaction'), {
      type: 'bar',
      data: {
        // the answer's number and name on lines of their own: upright labels that fit a narrow chart
        labels: data.month.satisfaction.map((answer) => text.answerLines(answer.answer, text.answers[answer.answer - 1])),
        datasets: [{
          label: text.answersLabel,
          data: data.month.satisfaction.map((answer) => answer.count),
          backgroundColor: data.month.satisfaction.map((answer) => ANSWER_COLORS[answer.answer - 1])
        }]
      },
      options: {
        ...common,
        plugins: { legend: { display: false } },
        scales: { x: { ticks: { maxRotation: 0, autoSkip: false } }, y: counts }
      }
    }));

    this.charts.push(new Chart(canvas('weeks'), {
      type: 'line',
      data: {
        labels: data.weeks.map((week) => week.week.replace(/^\d{4}-/, '')),
        datasets: [
          { label: text.registered, data: data.weeks.map((week) => week.registered), borderColor: '#4a90d9',
            backgroundColor: '#4a90d9' },
          { label: text.closed, data: data.weeks.map((week) => week.closed), borderColor: '#2e8b57',
            backgroundColor: '#2e8b57' }
        ]
      },
      options: {
        ...common,
        scales: { y: counts },
        plugins: {
          ...common.plugins,
          tooltip: {
            callbacks: {
              title: (items) => text.weekTooltip(data.weeks[items[0].dataIndex].week, data.weeks[items[0].dataIndex].from)
            }
          }
        }
      }
    }));
    this.root.dataset.charts = 'ready';
  }
}

export default {
  id: 'complaint-desk-dashboard',
  pluginPoint: 'cockpit.dashboard',
  // first among the dashboard plugins; ../../styles/user-styles.css puts their section above
  // Cockpit's own "Right Now" and "Deployed"
  priority: 1000,
  render: (node) => {
    addStylesheet();
    const view = new DeskView(node);
    views.add(view);
    view.load();
  },
  unmount: () => {
    views.forEach((view) => view.destroy());
    views.clear();
  }
};
