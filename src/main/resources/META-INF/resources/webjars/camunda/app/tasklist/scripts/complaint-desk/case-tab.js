/*
 * Tasklist plugin (listed in customScripts of ../config.js): the tab "案件" (case) next to the form
 * of every task, plugin point tasklist.task.detail. It shows the case file of the task's complaint
 * (issue 16, CONTRACT "The case file"): the summary with its deadlines and the time left, waiting
 * for the customer (暂停计时 / 恢复计时), the timeline (处理记录), internal notes, attachments
 * (drag and drop or file picker, previews of photos and PDFs, download), related cases of the same
 * customer and the case a repeat complaint refers to, and a search over the cases.
 *
 * Everything comes from the desk's /api with the Tasklist session; the server applies the access
 * rule (complaint.CaseAccess): a case the user may not read answers 404 and the tab says so.
 * Changing calls carry the session's CSRF token (X-XSRF-TOKEN), as Tasklist's own calls do. Tasks
 * of other processes (no case) show a short note instead. Plain JavaScript, no library, no CDN.
 */

const API = '/api/complaints';

const DESK_PROCESSES = ['complaint-handling', 'complaint-callback', 'major-complaint-warning'];

const LEVELS = { 1: '一级（普通投诉）', 2: '二级（较严重投诉）', 3: '三级（非常严重投诉）' };
const STATUS = { OPEN: '处理中', CLOSED: '已结案' };
const OUTCOMES = { RESOLVED: '已解决', NOT_SUBSTANTIATED: '投诉不成立', UNREACHABLE: '无法联系', GM_DECIDED: '总经理裁决' };
const TIERS = { VIP: 'VIP 客户', PREFERRED: '优选类客户', QUALIFIED: '合格类客户' };
const KINDS = { EVIDENCE: '证据材料', VISIT_SHEET: '客户签字的回访单' };
const CHANNELS = {
  PHONE: '电话', SMS: '短信', LETTER: '信函', FAX: '传真', ONLINE: '网络平台', WALK_IN: '来访',
  REGULATOR: '12315 消费者投诉热线', MANUFACTURER: '厂家', MEDIA: '媒体'
};
const TYPES = {
  TASK_COMPLETED: '办理', REGISTERED: '登记', ROUND_STARTED: '升级', NOTE: '备注', ATTACHMENT: '附件',
  PAUSED: '暂停', RESUMED: '恢复', NOTIFICATION: '通知', CLOSED: '结案', DUPLICATE_REPORT: '重复反映'
};

const STYLE = `
.cd-case { padding: 10px 4px; font-size: 13px; }
.cd-case h4 { margin: 18px 0 8px; font-size: 14px; font-weight: 600; border-bottom: 1px solid #e5e5e5; padding-bottom: 4px; }
.cd-case .cd-summary { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; }
.cd-case .cd-summary dt { color: #666; font-weight: normal; }
.cd-case .cd-summary dd { margin: 0; }
.cd-case .cd-badge { display: inline-block; padding: 1px 7px; border-radius: 9px; font-size: 12px; margin-right: 4px; background: #eef3f8; color: #34516e; }
.cd-case .cd-badge.cd-major { background: #fbe3e2; color: #a61d1a; }
.cd-case .cd-badge.cd-paused { background: #fff3cd; color: #7a5b00; }
.cd-case .cd-late { color: #c9302c; font-weight: 600; }
.cd-case .cd-left { color: #2e7d32; }
.cd-case .cd-error { background: #fbe3e2; color: #a61d1a; padding: 6px 10px; border-radius: 3px; margin: 6px 0; }
.cd-case .cd-info { background: #eef3f8; color: #34516e; padding: 6px 10px; border-radius: 3px; margin: 6px 0; }
.cd-case .cd-timeline { list-style: none; padding: 0; margin: 0; max-height: 320px; overflow-y: auto; }
.cd-case .cd-timeline li { padding: 4px 0; border-bottom: 1px dotted #e5e5e5; white-space: pre-wrap; }
.cd-case .cd-timeline .cd-when { color: #888; margin-right: 8px; white-space: nowrap; }
.cd-case .cd-timeline .cd-who { color: #34516e; margin-right: 6px; }
.cd-case textarea, .cd-case input[type=text], .cd-case input[type=date], .cd-case select { border: 1px solid #ccc; border-radius: 3px; padding: 4px 6px; }
.cd-case textarea { width: 100%; min-height: 54px; }
.cd-case .cd-row { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; margin: 6px 0; }
.cd-case .cd-drop { border: 2px dashed #b5c6d6; border-radius: 4px; padding: 14px; text-align: center; color: #5a6f84; margin: 6px 0; }
.cd-case .cd-pick { position: relative; overflow: hidden; margin: 0 4px; }
.cd-case .cd-picker { position: absolute; left: 0; top: 0; width: 100%; height: 100%; opacity: 0; cursor: pointer; }
.cd-case .cd-drop.cd-over { background: #eef3f8; border-color: #34516e; }
.cd-case .cd-files { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px; }
.cd-case .cd-files li { border: 1px solid #e5e5e5; border-radius: 4px; padding: 6px; word-break: break-all; }
.cd-case .cd-files img { display: block; max-width: 100%; max-height: 140px; margin: 0 auto 4px; }
.cd-case .cd-files .cd-meta { color: #777; font-size: 12px; }
.cd-case .cd-results { list-style: none; padding: 0; margin: 6px 0; }
.cd-case .cd-results li { padding: 3px 0; }
`;

function ensureStyle() {
  if (!document.querySelector('style[data-complaint-desk="case-tab"]')) {
    const style = document.createElement('style');
    style.dataset.complaintDesk = 'case-tab';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
}

/** A DOM element: el('div', { className, dataset, onclick, … }, child, …); strings become text, never HTML. */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes).forEach(([key, value]) => {
    if (value === undefined || value === null) {
      return;
    }
    if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key.startsWith('on')) {
      element.addEventListener(key.substring(2), value);
    } else if (key in element && key !== 'list') {
      element[key] = value;
    } else {
      element.setAttribute(key, value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  });
  return element;
}

function engineApi() {
  const element = document.querySelector('base');
  const api = (element && element.getAttribute('engine-api')) || '/camunda/api/engine/';
  const match = /\/app\/tasklist\/([^/]+)/.exec(window.location.pathname);
  return `${api}engine/${match ? match[1] : 'default'}/`;
}

function csrfToken(props) {
  if (props && props.api && props.api.CSRFToken) {
    return props.api.CSRFToken;
  }
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

/** The answer's JSON, or throws an Error with the problem detail's Chinese text. */
async function call(url, options = {}) {
  let response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      ...options,
      headers: { Accept: 'application/json', 'Accept-Language': 'zh-CN', ...(options.headers || {}) }
    });
  } catch (unreachable) {
    // the connection broke (the network, or the server stopped reading a body far too large)
    const error = new Error('网络连接中断，操作未完成，请稍后重试');
    error.status = 0;
    throw error;
  }
  if (!response.ok) {
    let detail = null;
    try {
      detail = (await response.json()).detail;
    } catch (ignored) {
      // not a problem detail
    }
    // a body far over the upload limit is refused by the server before the desk can explain it
    const fallback = response.status === 413 ? '上传内容过大，未保存任何内容' : `请求失败（${response.status}）`;
    const error = new Error(detail || fallback);
    error.status = response.status;
    throw error;
  }
  return response.status === 204 ? null : response.json();
}

const pad = (n) => String(n).padStart(2, '0');

/** 2026-11-23 10:05 in the desk's zone (Asia/Shanghai, UTC+8), whatever the browser's zone. */
function when(iso) {
  if (!iso) {
    return '—';
  }
  const d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "剩余 2 天 3 小时" or "已逾期 5 小时", for a deadline. */
function timeLeft(iso, paused) {
  if (!iso) {
    return null;
  }
  if (paused) {
    return el('span', { className: 'cd-badge cd-paused' }, '暂停计时中');
  }
  const minutes = Math.round((new Date(iso).getTime() - Date.now()) / 60000);
  const abs = Math.abs(minutes);
  const days = Math.floor(abs / 1440);
  const hours = Math.floor((abs % 1440) / 60);
  const text = days > 0 ? `${days} 天 ${hours} 小时` : (hours > 0 ? `${hours} 小时 ${abs % 60} 分` : `${abs % 60} 分钟`);
  return minutes >= 0 ? el('span', { className: 'cd-left' }, `剩余 ${text}`)
    : el('span', { className: 'cd-late' }, `已逾期 ${text}`);
}

function size(bytes) {
  if (bytes >= 1024 * 1024) {
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  }
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} 字节`;
}

class CaseTab {

  constructor(node, props) {
    this.node = node;
    this.props = props;
    this.caseNumber = null;
  }

  async start() {
    ensureStyle();
    this.root = el('div', { className: 'cd-case', dataset: { caseTab: 'true' } }, el('div', { className: 'cd-info' }, '正在加载案件…'));
    this.node.replaceChildren(this.root);
    try {
      this.caseNumber = await this.caseOfTask(this.props.taskId);
    } catch (error) {
      this.root.replaceChildren(el('div', { className: 'cd-error' }, error.message));
      return;
    }
    if (!this.caseNumber) {
      this.root.replaceChildren(el('div', { className: 'cd-info', dataset: { noCase: 'true' } }, '此任务不属于投诉案件，没有案件信息。'),
        this.searchSection());
      return;
    }
    await this.load();
  }

  /** The case number of the task's complaint, or null for a task of another process. */
  async caseOfTask(taskId) {
    const task = await call(`${engineApi()}task/${encodeURIComponent(taskId)}`);
    if (!task.processInstanceId || !task.processDefinitionId
      || !DESK_PROCESSES.includes(task.processDefinitionId.split(':')[0])) {
      return null;
    }
    const instance = await call(`${engineApi()}process-instance/${encodeURIComponent(task.processInstanceId)}`);
    this.processInstanceId = task.processInstanceId;
    return instance.businessKey || null;
  }

  async load() {
    const base = `${API}/${encodeURIComponent(this.caseNumber)}`;
    try {
      const [complaint, timeline, attachments, room] = await Promise.all([
        call(base), call(`${base}/timeline`), call(`${base}/attachments`),
        call(`${base}/attachments/limits`).catch(() => null)]);
      let tier = null;
      try {
        const variable = await call(`${engineApi()}process-instance/${encodeURIComponent(this.processInstanceId)}/variables/clientTier?deserializeValue=false`);
        tier = variable && variable.value;
      } catch (ignored) {
        // no tier known (a customer without an id)
      }
      this.complaint = complaint;
      this.root.replaceChildren(
        this.summarySection(complaint, tier),
        this.pauseSection(complaint),
        this.timelineSection(timeline),
        this.noteSection(),
        this.attachmentSection(attachments, room),
        await this.relatedSection(complaint),
        this.searchSection());
    } catch (error) {
      this.root.replaceChildren(el('div', { className: 'cd-error', dataset: { caseError: 'true' } },
        error.status === 404 ? `无法查看投诉案件 ${this.caseNumber}：案件不存在或您无权查看。` : error.message));
    }
  }

  summarySection(c, tier) {
    const row = (label, ...value) => [el('dt', {}, label), el('dd', {}, ...value)];
    const badges = [el('span', { className: 'cd-badge' }, LEVELS[c.level] || `${c.level} 级`)];
    if (c.major) {
      badges.push(el('span', { className: 'cd-badge cd-major' }, '重大投诉'));
    }
    if (c.paused) {
      badges.push(el('span', { className: 'cd-badge cd-paused', dataset: { pausedBadge: 'true' } }, '等待客户（暂停计时）'));
    }
    const tasks = (c.openTasks || []).map((t) => el('div', {}, `${t.name}：${when(t.due)} `, timeLeft(t.due, c.paused)));
    return el('section', {},
      el('h4', {}, `投诉案件 ${c.caseNumber}`),
      el('dl', { className: 'cd-summary' },
        row('级别', ...badges),
        row('状态', STATUS[c.status] || c.status, c.outcome ? `（${OUTCOMES[c.outcome] || c.outcome}）` : ''),
        row('处理轮次', `第 ${c.round} 轮处理`),
        row('投诉人', c.customerName || '匿名投诉'),
        row('客户分级', TIERS[tier] || '—'),
        row('受理时间', when(c.receivedAt)),
        row('处理期限', el('span', { dataset: { closeBy: c.deadlines.closeBy } }, when(c.deadlines.closeBy)), ' ',
          c.status === 'OPEN' ? timeLeft(c.deadlines.closeBy, c.paused) : ''),
        tasks.length ? row('当前任务期限', ...tasks) : [],
        row('产品 / 门店', `${c.productCode || '—'} / ${c.storeCode || '—'}`),
        row('投诉内容', c.description || '')));
  }

  pauseSection(c) {
    if (c.status !== 'OPEN') {
      return el('div');
    }
    const message = el('div');
    if (c.paused) {
      return el('section', {}, el('h4', {}, '等待客户（暂停计时）'),
        el('div', { className: 'cd-info' }, `自 ${when(c.pausedSince)} 起等待客户，处理期限暂停计时。`),
        el('div', { className: 'cd-row' }, el('button', {
          type: 'button', className: 'btn btn-default btn-sm', dataset: { resume: 'true' },
          onclick: () => this.send(`/resume`, null, message)
        }, '恢复计时')), message);
    }
    const reason = el('input', { type: 'text', placeholder: '原因，例如：等客户提供购买发票', maxLength: 500, size: 40, dataset: { pauseReason: 'true' } });
    return el('section', {}, el('h4', {}, '等待客户（暂停计时）'),
      el('div', { className: 'cd-row' }, reason, el('button', {
        type: 'button', className: 'btn btn-default btn-sm', dataset: { pause: 'true' },
        onclick: () => this.send('/pause', { reason: reason.value }, message)
      }, '暂停计时')), message);
  }

  timelineSection(entries) {
    return el('section', {}, el('h4', {}, '处理记录'),
      el('ul', { className: 'cd-timeline', dataset: { timeline: 'true' } }, entries.slice().reverse().map((e) => el('li', { dataset: { type: e.type } },
        el('span', { className: 'cd-when' }, when(e.at)),
        el('span', { className: 'cd-badge' }, TYPES[e.type] || e.type),
        e.actor ? el('span', { className: 'cd-who' }, e.actor) : '',
        e.text))));
  }

  noteSection() {
    const text = el('textarea', { placeholder: '内部备注（仅内部可见，不会告知客户）', maxLength: 5000, dataset: { noteText: 'true' } });
    const message = el('div');
    return el('section', {}, el('h4', {}, '内部备注'), text,
      el('div', { className: 'cd-row' }, el('button', {
        type: 'button', className: 'btn btn-default btn-sm', dataset: { addNote: 'true' },
        onclick: () => this.send('/notes', { text: text.value }, message)
      }, '添加内部备注')), message);
  }

  attachmentSection(attachments, room) {
    const message = el('div', { dataset: { uploadMessage: 'true' } });
    const kind = el('select', { dataset: { attachmentKind: 'true' } },
      Object.entries(KINDS).map(([value, label]) => el('option', { value }, label)));
    const description = el('input', { type: 'text', placeholder: '说明（可选）', maxLength: 500, size: 24 });
    // the browser's own file button reads in the browser's language ("Choose Files"): hidden behind a Chinese one
    const picker = el('input', { type: 'file', multiple: true, className: 'cd-picker', dataset: { filePicker: 'true' } });
    const upload = (files) => this.upload(Array.from(files), kind.value, description.value, message);
    picker.addEventListener('change', () => upload(picker.files));
    const drop = el('div', { className: 'cd-drop', dataset: { dropZone: 'true' } },
      '将照片、扫描件、文档或录音拖放到此处，或 ',
      el('label', { className: 'btn btn-default btn-sm cd-pick' }, '选择文件', picker),
      el('div', { className: 'cd-meta', dataset: { uploadLimits: 'true' } }, room
        ? `每个文件最大 ${size(room.maxFileSize)}，本案件还可上传 ${size(room.remainingSize)}；接受图片（JPEG、PNG、WebP、HEIC）、PDF、办公文档和录音`
        : '接受图片（JPEG、PNG、WebP、HEIC）、PDF、办公文档和录音'));
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('cd-over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('cd-over'));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('cd-over');
      upload(event.dataTransfer.files);
    });
    const base = `${API}/${encodeURIComponent(this.caseNumber)}/attachments`;
    const list = el('ul', { className: 'cd-files', dataset: { attachments: 'true' } }, attachments.map((a) => {
      const previewable = /^image\/(jpeg|png|webp)$/.test(a.contentType) || a.contentType === 'application/pdf';
      return el('li', { dataset: { attachment: a.fileName } },
        previewable ? el('img', { src: `${base}/${a.id}/preview`, alt: `${a.fileName} 的预览`, loading: 'lazy', dataset: { preview: a.contentType } }) : '',
        el('div', {}, a.kind === 'VISIT_SHEET' ? el('span', { className: 'cd-badge' }, '回访单') : '', a.fileName),
        a.description ? el('div', {}, a.description) : '',
        el('div', { className: 'cd-meta' }, `${size(a.size)} · ${a.uploadedBy} · ${when(a.uploadedAt)}`),
        el('a', { href: `${base}/${a.id}`, download: a.fileName }, '下载'));
    }));
    return el('section', {}, el('h4', {}, `附件（${attachments.length}）`),
      el('div', { className: 'cd-row' }, '类型', kind, description), drop, message, list);
  }

  async relatedSection(c) {
    const lines = [];
    if (c.relatedCaseNumber) {
      lines.push(el('li', {}, `二次投诉所指的原案件：${c.relatedCaseNumber}`));
    }
    // further reports of the same matter, added to this case instead of opening a new one
    (c.duplicateReports || []).forEach((d) => lines.push(el('li', { dataset: { duplicateReport: 'true' } },
      `重复反映（并入原案件）：${CHANNELS[d.channel] || d.channel} · 受理于 ${when(d.receivedAt)}`)));
    if (c.customerId) {
      try {
        const found = await call(`${API}?customerId=${encodeURIComponent(c.customerId)}&size=10`);
        found.items.filter((s) => s.caseNumber !== c.caseNumber).forEach((s) => lines.push(this.resultLine(s)));
      } catch (ignored) {
        // related cases are a help, not a must
      }
    }
    return el('section', {}, el('h4', {}, '相关案件（同一客户、二次投诉）'),
      lines.length ? el('ul', { className: 'cd-results', dataset: { related: 'true' } }, lines) : el('div', { className: 'cd-meta' }, '没有相关案件'));
  }

  resultLine(s) {
    return el('li', { dataset: { result: s.caseNumber } },
      el('strong', {}, s.caseNumber), ` ${s.customerName || '匿名投诉'} · ${LEVELS[s.level] || s.level} · ${STATUS[s.status] || s.status}`,
      s.paused ? el('span', { className: 'cd-badge cd-paused' }, '等待客户') : '',
      ` · 受理于 ${when(s.receivedAt)}`);
  }

  searchSection() {
    const q = el('input', { type: 'text', placeholder: '受理编号、投诉人、电话（或尾号 4 位）、产品或门店编码', size: 38, dataset: { searchText: 'true' } });
    const status = el('select', {}, el('option', { value: '' }, '全部状态'),
      Object.entries(STATUS).map(([value, label]) => el('option', { value }, label)));
    const level = el('select', {}, el('option', { value: '' }, '全部级别'),
      Object.entries(LEVELS).map(([value, label]) => el('option', { value }, label)));
    const from = el('input', { type: 'date', title: '受理日期从' });
    const to = el('input', { type: 'date', title: '受理日期至' });
    const results = el('div', { dataset: { searchResults: 'true' } });
    const search = async () => {
      const params = new URLSearchParams({ size: '20' });
      [['q', q.value.trim()], ['status', status.value], ['level', level.value], ['from', from.value], ['to', to.value]]
        .filter(([, value]) => value).forEach(([key, value]) => params.set(key, value));
      try {
        const found = await call(`${API}?${params}`);
        results.replaceChildren(el('div', { className: 'cd-meta' }, `找到 ${found.total} 件投诉`),
          el('ul', { className: 'cd-results' }, found.items.map((s) => this.resultLine(s))));
      } catch (error) {
        results.replaceChildren(el('div', { className: 'cd-error' }, error.message));
      }
    };
    q.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        search();
      }
    });
    return el('section', {}, el('h4', {}, '查找投诉案件'),
      el('div', { className: 'cd-row' }, q, status, level, from, '至', to,
        el('button', { type: 'button', className: 'btn btn-default btn-sm', dataset: { search: 'true' }, onclick: search }, '查找')),
      results);
  }

  async send(path, body, message) {
    try {
      await call(`${API}/${encodeURIComponent(this.caseNumber)}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken(this.props) },
        body: body ? JSON.stringify(body) : undefined
      });
      await this.load();
    } catch (error) {
      message.replaceChildren(el('div', { className: 'cd-error', dataset: { actionError: 'true' } }, error.message));
    }
  }

  /**
   * Uploads the files one by one. Each is first checked against the case's limits (per file, and
   * what is left for the case), so that a file far over them is refused at once, in Chinese, instead
   * of being sent and cut off; the server checks again (size, type by content).
   */
  async upload(files, kind, description, message) {
    const errors = [];
    const target = () => this.root.querySelector('[data-upload-message]') || message;
    target().replaceChildren();
    let room = null;
    try {
      room = await call(`${API}/${encodeURIComponent(this.caseNumber)}/attachments/limits`);
    } catch (ignored) {
      // the server refuses what is too large anyway
    }
    let remaining = room ? room.remainingSize : Number.POSITIVE_INFINITY;
    for (const file of files) {
      if (room && file.size > room.maxFileSize) {
        errors.push(`文件“${file.name}”过大（${size(file.size)}）：每个附件最大 ${size(room.maxFileSize)}，未上传`);
        continue;
      }
      if (file.size > remaining) {
        errors.push(`文件“${file.name}”（${size(file.size)}）未上传：本案件的附件合计不能超过 ${size(room.maxCaseSize)}，还可上传 ${size(remaining)}`);
        continue;
      }
      const form = new FormData();
      form.append('file', file, file.name);
      form.append('kind', kind);
      if (description) {
        form.append('description', description);
      }
      try {
        await call(`${API}/${encodeURIComponent(this.caseNumber)}/attachments`, {
          method: 'POST', headers: { 'X-XSRF-TOKEN': csrfToken(this.props) }, body: form
        });
        remaining -= file.size;
      } catch (error) {
        errors.push(error.message);
      }
    }
    await this.load();
    if (errors.length) {
      target().replaceChildren(...errors.map((text) => el('div', { className: 'cd-error', dataset: { uploadError: 'true' } }, text)));
    }
  }

}

export default {
  id: 'complaint-desk.case-tab',
  pluginPoint: 'tasklist.task.detail',
  // after the form (1000), before the history and diagram tabs
  priority: 900,
  properties: {
    label: '案件'
  },
  render: (node, props) => {
    new CaseTab(node, props).start();
  }
};
