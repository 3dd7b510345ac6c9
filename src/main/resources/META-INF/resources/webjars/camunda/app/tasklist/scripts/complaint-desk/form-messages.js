/*
 * Tasklist custom script (listed in customScripts of ../config.js): the validation messages of
 * Camunda Forms (form-js, bundled in Tasklist 7.24 with hard-coded English texts such as
 * "Field is required." or "Field must match pattern ^\+?[0-9][0-9 ()-]{4,38}$.") are replaced in
 * the page by Simplified Chinese. A pattern message never shows the regular expression: the
 * patterns of the desk's forms (processes/forms/*.form) are described in words, any other pattern
 * becomes a plain "格式不正确".
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
  '^\\+?[0-9][0-9 ()-]{4,38}$': '格式不正确：请输入有效的电话号码，如 139 1234 5678',
  '^[A-Za-z0-9._-]+$': '格式不正确：客户编号只能包含字母、数字、点（.）、下划线（_）和连字符（-）',
  '^[A-Za-z0-9._-]*$': '格式不正确：客户编号只能包含字母、数字、点（.）、下划线（_）和连字符（-）',
  '^[A-Za-z0-9._@-]*$': '格式不正确：员工账号只能包含字母、数字、点（.）、下划线（_）、@ 和连字符（-）',
  '^([A-Z]{2,5}-\\d{8}-\\d{4,})?$': '格式不正确：请输入受理编号，如 CMP-20261122-0007',
  '^\\s*(\\d{4}-([Ww]\\d{2}|\\d{2}))?\\s*$': '格式不正确：请输入周（如 2026-W47）或月份（如 2026-11）'
};

const GENERIC_PATTERN = '格式不正确';

/** form-js 1.x messages (validator of the form-js viewer in Tasklist 7.24), most specific first. */
const MESSAGES = [
  [/^Field is required\.?$/, () => '此项为必填项。'],
  [/^Field must match pattern (.*?)\.?$/s, (match) => `${PATTERNS[match[1]] || PATTERNS[match[1] + '.'] || GENERIC_PATTERN}。`],
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

/** The Chinese text of a form-js message, or null when it is not one (or already Chinese). */
export function translateMessage(text) {
  const trimmed = text.trim();
  for (const [pattern, chinese] of MESSAGES) {
    const match = pattern.exec(trimmed);
    if (match) {
      return chinese(match);
    }
  }
  // a "must match pattern" message form-js may word otherwise: never show the expression
  if (/pattern/i.test(trimmed) && /[\^$\\[\]{}]/.test(trimmed)) {
    return `${GENERIC_PATTERN}。`;
  }
  return null;
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

const ERRORS = '.fjs-form-field-error';
const NOTIFICATIONS = '.page-notifications, [notifications-panel]';

function sweep(root) {
  const scope = root.nodeType === Node.ELEMENT_NODE ? root : root.parentElement;
  if (!scope) {
    return;
  }
  const errors = scope.closest(ERRORS) ? [scope] : Array.from(scope.querySelectorAll(ERRORS));
  errors.forEach((element) => rewrite(element, translateMessage));
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
        mutation.addedNodes.forEach((node) => sweep(node.nodeType === Node.TEXT_NODE ? node : node));
      }
    });
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

if (typeof document !== 'undefined' && document.body) {
  start();
}
