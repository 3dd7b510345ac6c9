/*
 * Tasklist custom script (listed in customScripts of ../config.js): the validation messages of
 * Camunda Forms (form-js, bundled in Tasklist 7.24 with hard-coded English texts such as
 * "Field is required." or "Field must match pattern ^\+?[0-9][0-9 ()-]{4,38}$.") are replaced in
 * the page by Simplified Chinese when Tasklist speaks Chinese (its zh locale, or a Chinese
 * browser). A pattern message never shows the regular expression, in any language: the patterns
 * of the desk's forms (processes/forms/*.form) are described in words, any other pattern becomes
 * a plain "格式不正确" / "Invalid format".
 *
 * form-js's other fixed English words in a select (the "Select" placeholder, "No results" of a
 * search) read "请选择" and "无匹配项" in Chinese.
 *
 * Tasklist's notifications (toasts) lose the raw ids (UUIDs) the engine puts into its error
 * messages: "… task 3f2a…-… …" reads "… task …" — the person cannot do anything with the id.
 *
 * Plain DOM: a MutationObserver rewrites the text nodes in place (form-js renders with Preact,
 * which keeps its references to those nodes and rewrites them with English when a message
 * changes; the observer then translates again).
 */

/** The patterns of processes/forms/*.form, keyed by the exact pattern, described for a person. */
const PATTERNS = {
  '^\\+?[0-9][0-9 ()-]{4,38}$': {
    zh: '格式不正确：请输入有效的电话号码，如 139 1234 5678',
    en: 'Invalid format: enter a valid phone number, e.g. 139 1234 5678'
  },
  '^[A-Za-z0-9._-]+$': {
    zh: '格式不正确：客户编号只能包含字母、数字、点（.）、下划线（_）和连字符（-）',
    en: 'Invalid format: a customer id has letters, digits, ".", "_" and "-" only'
  },
  '^[A-Za-z0-9._-]*$': {
    zh: '格式不正确：客户编号只能包含字母、数字、点（.）、下划线（_）和连字符（-）',
    en: 'Invalid format: a customer id has letters, digits, ".", "_" and "-" only'
  },
  '^[A-Za-z0-9._@-]*$': {
    zh: '格式不正确：员工账号只能包含字母、数字、点（.）、下划线（_）、@ 和连字符（-）',
    en: 'Invalid format: an employee account has letters, digits, ".", "_", "@" and "-" only'
  },
  '^([A-Z]{2,5}-\\d{8}-\\d{4,})?$': {
    zh: '格式不正确：请输入受理编号，如 CMP-20261122-0007',
    en: 'Invalid format: enter a case number, e.g. CMP-20261122-0007'
  },
  '^\\s*(\\d{4}-([Ww]\\d{2}|\\d{2}))?\\s*$': {
    zh: '格式不正确：请输入周（如 2026-W47）或月份（如 2026-11）',
    en: 'Invalid format: enter a week (e.g. 2026-W47) or a month (e.g. 2026-11)'
  }
};

const GENERIC_PATTERN = { zh: '格式不正确', en: 'Invalid format' };

const END = { zh: '。', en: '.' };

function describePattern(pattern, language) {
  const known = PATTERNS[pattern] || PATTERNS[`${pattern}.`];
  return `${(known || GENERIC_PATTERN)[language]}${END[language]}`;
}

const PATTERN_MESSAGE = /^Field must match pattern (.*?)\.?$/s;

/** form-js 1.x messages (validator of the form-js viewer in Tasklist 7.24), most specific first. */
const MESSAGES = [
  [/^Field is required\.?$/, () => '此项为必填项。'],
  [PATTERN_MESSAGE, (match) => describePattern(match[1], 'zh')],
  [/^Field must have minimum value of (.+?)\.?$/, (match) => `数值不能小于 ${match[1]}。`],
  [/^Field must have maximum value of (.+?)\.?$/, (match) => `数值不能大于 ${match[1]}。`],
  [/^Field must have minimum length of (\d+)\.?$/, (match) => `至少需要输入 ${match[1]} 个字符。`],
  [/^Field must have maximum length of (\d+)\.?$/, (match) => `最多只能输入 ${match[1]} 个字符。`],
  [/^Field must be a valid\s+international phone number\..*$/, () => '请输入有效的国际电话号码（如 +8613912345678）。'],
  [/^Field must be a valid email\.?$/, () => '请输入有效的电子邮箱地址。'],
  [/^Value is expected to be an integer\.?$/, () => '请输入整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.?$/, (match) => `最多只能有 ${match[1]} 位小数。`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+?)\.?$/,
    (match) => `请输入有效的数值，最接近的有效值为 ${match[1]} 和 ${match[2]}。`]
];

const UUID = /\s*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/**
 * The text of a form-js message for a person reading {@code language} ('zh' or 'en'): in Chinese
 * all of them; in English only the pattern messages, described. Null when there is nothing to
 * change (not a form-js message, or already rewritten).
 */
export function translateMessage(text, language = 'zh') {
  const trimmed = text.trim();
  if (language !== 'zh') {
    const match = PATTERN_MESSAGE.exec(trimmed);
    return match ? describePattern(match[1], 'en') : null;
  }
  for (const [pattern, chinese] of MESSAGES) {
    const match = pattern.exec(trimmed);
    if (match) {
      return chinese(match);
    }
  }
  // a "must match pattern" message form-js may word otherwise: never show the expression
  if (/pattern/i.test(trimmed) && /[\^$\\[\]{}]/.test(trimmed)) {
    return describePattern(null, 'zh');
  }
  return null;
}

let tasklistLanguage = null;

/**
 * 'zh' when Tasklist shows its zh locale (angular-translate's current language) or the browser's
 * first language is Chinese, 'en' otherwise; asked of Tasklist once it has chosen.
 */
export function language() {
  if (tasklistLanguage) {
    return tasklistLanguage;
  }
  let chosen = null;
  try {
    const injector = window.angular && window.angular.element(document.body).injector();
    if (injector && injector.has('$translate')) {
      chosen = injector.get('$translate').use() || null;
    }
  } catch (error) {
    chosen = null;
  }
  const browser = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  const result = /^zh/i.test(chosen || '') || /^zh/i.test(browser) ? 'zh' : 'en';
  if (chosen) {
    tasklistLanguage = result;
  }
  return result;
}

/** The notification text without UUIDs, or null when there is none in it. */
export function withoutIds(text) {
  if (!UUID.test(text)) {
    return null;
  }
  UUID.lastIndex = 0;
  return text.replace(UUID, '').replace(/\s+([.,:;，。：；])/g, '$1');
}

function rewrite(node, translate) {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  const texts = [];
  if (node.nodeType === Node.TEXT_NODE) {
    texts.push(node);
  }
  while (walker.nextNode()) {
    texts.push(walker.currentNode);
  }
  texts.forEach((text) => {
    const replaced = translate(text.data);
    if (replaced !== null && replaced !== text.data) {
      text.data = replaced;
    }
  });
}

/** form-js's own words in a select (Chinese only). */
const WORDS = { Select: '请选择', 'No results': '无匹配项', Search: '搜索' };

const ERRORS = '.fjs-form-field-error';
const SELECT_WORDS = '.fjs-select-placeholder, .fjs-dropdownlist-empty';

const NOTIFICATIONS = '.page-notifications, [notifications-panel]';

function sweep(root) {
  const scope = root.nodeType === Node.ELEMENT_NODE ? root : root.parentElement;
  if (!scope) {
    return;
  }
  const errors = scope.closest(ERRORS) ? [scope] : Array.from(scope.querySelectorAll(ERRORS));
  if (errors.length) {
    const current = language();
    errors.forEach((element) => rewrite(element, (text) => translateMessage(text, current)));
  }
  const words = scope.closest(SELECT_WORDS) ? [scope] : Array.from(scope.querySelectorAll(SELECT_WORDS));
  if (words.length && language() === 'zh') {
    words.forEach((element) => rewrite(element, (text) => WORDS[text.trim()] || null));
  }
  if (scope.closest('.fjs-form') || scope.querySelector('.fjs-form')) {
    scope.querySelectorAll('.fjs-form input[placeholder="Search"]').forEach((input) => {
      if (language() === 'zh') {
        input.setAttribute('placeholder', WORDS.Search);
      }
    });
  }
  const notifications = scope.closest(NOTIFICATIONS) ? [scope] : Array.from(scope.querySelectorAll(NOTIFICATIONS));
  notifications.forEach((element) => rewrite(element, withoutIds));
}

function start() {
  sweep(document.body);
  new MutationObserver((mutations) => {
    mutations.forEach((mutation) => {
      if (mutation.type === 'characterData') {
        sweep(mutation.target);
      } else {
        mutation.addedNodes.forEach(sweep);
      }
    });
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

if (typeof document !== 'undefined' && document.body) {
  start();
}
