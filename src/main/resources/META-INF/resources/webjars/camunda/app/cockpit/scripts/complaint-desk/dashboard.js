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
 */

const API = '/api/reports/dashboard';

// the webjar's versioned path: keep the version in step with org.webjars.npm:chart.js in pom.xml
const CHART_JS = '/webjars/chart.js/4.5.1/dist/chart.umd.js';

const STYLESHEET = new URL('dashboard.css', import.meta.url).href;

const AGES = [
  { key: 'underOneDay', label: '< 1 day', color: '#8cc98f' },
  { key: 'oneToThreeDays', label: '1–3 days', color: '#4a90d9' },
  { key: 'threeToSevenDays', label: '3–7 days', color: '#f0ad4e' },
  { key: 'overSevenDays', label: '> 7 days', color: '#d9534f' }
];

// POLICY §6: the five callback answers
const ANSWERS = ['very satisfied', 'satisfied', 'acceptable', 'dissatisfied', 'very dissatisfied'];
const ANSWER_COLORS = ['#2e8b57', '#8cc98f', '#b8b8b8', '#f0ad4e', '#d9534f'];

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

function duration(minutes) {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) {
    return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  }
  if (hours > 0) {
    return minutes % 60 > 0 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  }
  return `${minutes} min`;
}

/** "in 20 h", "in 45 min", "2 d 5 h overdue", "due now" */
function relative(deadline, asOf) {
  const minutes = Math.round((Date.parse(deadline) - Date.parse(asOf)) / 60000);
  if (minutes === 0) {
    return 'due now';
  }
  return minutes > 0 ? `in ${duration(minutes)}` : `${duration(-minutes)} overdue`;
}

class DeskView {
  constructor(node) {
    this.node = node;
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
    try {
      response = await fetch(API, {
        credentials: 'same-origin',
        // an XMLHttpRequest-style call gets a plain 401 without a login prompt of the browser
        headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
        signal: this.request.signal
      });
    } catch (error) {
      if (!this.destroyed) {
        this.fail(`The complaint desk figures cannot be loaded: ${error.message}`);
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
      this.fail(`The complaint desk figures are not available (HTTP ${response.status}).`);
      return;
    }
    const data = await response.json();
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
        box.replaceChildren(el('p', { className: 'cd-muted' }, 'Charts unavailable: ', error.message));
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
      el('h2', { className: 'cd-title' }, 'Complaint desk'),
      el('p', { className: 'cd-error' }, message)));
  }

  show(data) {
    this.destroyCharts();
    const time = new Intl.DateTimeFormat('en-GB', {
      timeZone: data.zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
      hourCycle: 'h23'
    });
    this.time = (instant) => time.format(new Date(instant));
    this.asOf = data.asOf;
    const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
      .format(new Date(`${data.month.month}-01T00:00:00Z`));
    this.monthName = monthName;

    const refresh = el('button', { type: 'button', className: 'btn btn-default btn-xs cd-refresh' }, 'Refresh');
    refresh.addEventListener('click', () => {
      this.root.dataset.state = 'loading';
      this.load();
    });

    this.root = el('div', { className: 'complaint-desk-dashboard', dataset: { state: 'ready' } },
      el('header', { className: 'cd-head' },
        el('h2', { className: 'cd-title' }, 'Complaint desk'),
        el('span', { className: 'cd-muted' }, `as of ${this.time(data.asOf)} (${data.zone})`),
        refresh),
      this.kpis(data),
      el('div', { className: 'cd-grid' },
        this.card('Open cases by level and age', 'levels', this.levelTable(data.open)),
        this.card(`Satisfaction in ${monthName}`, 'satisfaction',
          el('p', { className: 'cd-muted cd-under-chart' },
            el('span', { dataset: { figure: 'answers' } }, data.month.answers),
            ` callback answers, 1 = very satisfied … 5 = very dissatisfied`)),
        this.card('Weekly trend: registered and closed', 'weeks',
          el('p', { className: 'cd-muted cd-under-chart' },
            `ISO weeks ${data.weeks[0].week} to ${data.weeks[data.weeks.length - 1].week} (current week so far)`))),
      el('div', { className: 'cd-grid' },
        this.caseTable('Overdue', 'overdue', data.overdue, 'No open case is past its deadline.'),
        this.caseTable('At risk — due within a working day', 'at-risk', data.atRisk,
          'No case falls due within the next working day.'),
        this.caseTable('Major complaints (open)', 'major', data.major, 'No open major complaint.')));
    this.node.replaceChildren(this.root);
  }

  kpis(data) {
    const byLevel = data.open.byLevel.map((level) => `L${level.level}: ${level.total}`).join(' · ');
    const tile = (figure, label, value, note, tone) => el('div', { className: `cd-kpi ${tone || ''}` },
      el('div', { className: 'cd-kpi-label' }, label),
      el('div', { className: 'cd-kpi-value', dataset: { figure } }, value),
      el('div', { className: 'cd-kpi-note' }, note));
    return el('div', { className: 'cd-kpis' },
      tile('open-total', 'Open cases', data.open.total, byLevel),
      tile('at-risk', 'At risk', data.atRisk.count, `due by ${this.time(data.atRisk.dueBy)}`,
        data.atRisk.count > 0 ? 'cd-warn' : ''),
      tile('overdue', 'Overdue', data.overdue.count, 'open past the case deadline',
        data.overdue.count > 0 ? 'cd-alert' : ''),
      tile('major', 'Major complaints', data.major.count, 'open', data.major.count > 0 ? 'cd-alert' : ''),
      tile('upgrades', 'Upgrades', data.month.upgrades, `raised a level in ${this.monthName}`));
  }

  card(title, chart, ...below) {
    return el('div', { className: 'cd-card' },
      el('h3', {}, title),
      el('div', { className: 'cd-chart' },
        el('canvas', { dataset: { chart }, attributes: { role: 'img', 'aria-label': title } })),
      below);
  }

  levelTable(open) {
    return el('table', { className: 'cd-table cd-levels' },
      el('thead', {}, el('tr', {},
        el('th', {}, 'Level'),
        AGES.map((age) => el('th', { className: 'cd-num' }, age.label)),
        el('th', { className: 'cd-num' }, 'Total'))),
      el('tbody', {}, open.byLevel.map((level) => el('tr', {},
        el('th', {}, `Level ${level.level}`),
        AGES.map((age) => el('td', {
          className: `cd-num${age.key === 'overSevenDays' && level[age.key] > 0 ? ' cd-late' : ''}`,
          dataset: { level: level.level, age: age.key }
        }, level[age.key])),
        el('td', { className: 'cd-num', dataset: { level: level.level, age: 'total' } }, level.total)))));
  }

  caseTable(title, list, cases, empty) {
    const rows = cases.cases.map((line) => {
      const late = Date.parse(line.deadline) < Date.parse(this.asOf);
      return el('tr', { dataset: { case: line.caseNumber } },
        el('td', {},
          el('a', { href: `#/process-instance/${encodeURIComponent(line.processInstanceId)}/runtime`,
            title: 'Open the process instance' }, line.caseNumber),
          line.major && list !== 'major' ? el('span', { className: 'cd-badge' }, 'major') : null),
        el('td', { className: 'cd-num' }, line.level),
        el('td', { className: 'cd-customer', title: line.customerName }, line.customerName),
        el('td', {},
          el('div', {}, this.time(line.deadline)),
          el('div', { className: late ? 'cd-late' : 'cd-soon' }, relative(line.deadline, this.asOf))));
    });
    return el('div', { className: 'cd-card' },
      el('h3', {}, `${title} `, el('span', { className: 'cd-count', dataset: { figure: `${list}-count` } },
        `(${cases.count})`)),
      el('table', { className: 'cd-table', dataset: { list } },
        el('thead', {}, el('tr', {},
          el('th', {}, 'Case'), el('th', { className: 'cd-num' }, 'Level'), el('th', {}, 'Customer'),
          el('th', {}, 'Deadline'))),
        el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colSpan: 4, className: 'cd-muted' }, empty)))),
      cases.count > cases.cases.length
        ? el('p', { className: 'cd-muted' }, `The first ${cases.cases.length} of ${cases.count}, most urgent first.`)
        : null);
  }

  drawCharts(Chart, data) {
    this.destroyCharts();
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
        labels: data.open.byLevel.map((level) => `Level ${level.level}`),
        datasets: AGES.map((age) => ({
          label: age.label,
          data: data.open.byLevel.map((level) => level[age.key]),
          backgroundColor: age.color
        }))
      },
      options: { ...common, scales: { x: { stacked: true }, y: { ...counts, stacked: true } } }
    }));

    this.charts.push(new Chart(canvas('satisfaction'), {
      type: 'bar',
      data: {
        // "1", "very", "satisfied" on lines of their own: upright labels that fit a narrow chart
        labels: data.month.satisfaction.map((answer) => [`${answer.answer}`, ...ANSWERS[answer.answer - 1].split(' ')]),
        datasets: [{
          label: 'Answers',
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
          { label: 'Registered', data: data.weeks.map((week) => week.registered), borderColor: '#4a90d9',
            backgroundColor: '#4a90d9' },
          { label: 'Closed', data: data.weeks.map((week) => week.closed), borderColor: '#2e8b57',
            backgroundColor: '#2e8b57' }
        ]
      },
      options: {
        ...common,
        scales: { y: counts },
        plugins: {
          ...common.plugins,
          tooltip: { callbacks: { title: (items) => `${data.weeks[items[0].dataIndex].week}, from ${data.weeks[items[0].dataIndex].from}` } }
        }
      }
    }));
    this.root.dataset.charts = 'ready';
  }
}

export default {
  id: 'complaint-desk-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
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
