/*
 * Tasklist custom script (listed in customScripts of ../config.js): in the start form (受理登记), a
 * typed 客户编号 (customerId) looks the customer up in the customer master (GET
 * /api/customers/{id}, with the user's web-app session) and fills in what the desk already knows:
 * 投诉人姓名, 投诉人类型 and 联系电话, where the agent has not typed something else; beside the
 * field it shows the client tier and whether the customer is on the blacklist, before the agent
 * presses 启动. The customer package's masking rules apply: the API gives agents the phone number
 * masked, and a masked number is never copied into the form (the agent asks the customer for it).
 */

import { formBehind, setValue, shownField, valueOf } from './form-access.js';

const FORMS = 'form.fjs-form';
const INFO = 'cd-customer-info';
const ID = /^[A-Za-z0-9._-]{1,64}$/;

const TIERS = { VIP: 'VIP 客户', PREFERRED: '优选类客户', QUALIFIED: '合格类客户' };

/** The complainant type a customer master type is registered as, where the form offers it. */
const COMPLAINANT_TYPES = { CONSUMER: 'CONSUMER', FRANCHISEE: 'FRANCHISEE', DISTRIBUTOR: 'DISTRIBUTOR',
  INSTITUTION: 'INSTITUTION' };

/** What the line beside 客户编号 says about this customer (Chinese, GLOSSARY terms). */
export function describe(customer) {
  const parts = [`客户：${customer.name}`];
  if (customer.tier) {
    parts.push(`客户级别：${TIERS[customer.tier] || customer.tier}${customer.tier === 'QUALIFIED' ? '' : '（四优先）'}`);
  }
  parts.push(customer.blacklistedUntil
    ? `客户黑名单：是（至 ${String(customer.blacklistedUntil).substring(0, 10)}）：投诉照常受理，不得开展新业务`
    : '客户黑名单：否');
  if (customer.contactMasked) {
    parts.push('联系电话按权限隐藏，请向客户确认后填写');
  }
  return parts.join(' · ');
}

const FIELD = /-Field_customerId$/;

/** The input of the field with that key in this form element, by form-js's id "fjs-form-<form>-Field_<key>". */
function inputOf(formElement, key) {
  return formElement.querySelector(`[id$="-Field_${key}"]`);
}

function showInfo(formElement, text, state) {
  const input = inputOf(formElement, 'customerId');
  const field = input ? input.closest('.fjs-form-field') : null;
  formElement.querySelectorAll(`.${INFO}`).forEach((old) => {
    if (!field || old.previousElementSibling !== field) {
      old.remove();
    }
  });
  if (!field || !text) {
    return;
  }
  let info = field.nextElementSibling;
  if (!info || !info.classList.contains(INFO)) {
    info = document.createElement('div');
    info.className = INFO;
    info.setAttribute('role', 'status');
    field.after(info);
  }
  info.textContent = text;
  info.dataset.state = state;
}

/** Sets a text field as if typed: the value, then the input event form-js listens to. */
function typeInto(input, value) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value').set;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** What this script typed into each form, so that a later lookup may replace it but nothing else. */
const filledIn = new WeakMap();

function fill(formElement, key, value) {
  if (!value) {
    return;
  }
  const filled = filledIn.get(formElement) || {};
  filledIn.set(formElement, filled);
  const form = formBehind(formElement);
  if (form && shownField(form, key)) {
    const current = valueOf(form, key);
    if (current === undefined || current === null || current === '' || current === filled[key]) {
      if (setValue(form, key, value)) {
        filled[key] = value;
      }
    }
    return;
  }
  // without form-js's Form at hand: text fields as typed (a select needs the Form)
  const input = inputOf(formElement, key);
  if (input && input.tagName !== 'SELECT' && (input.value === '' || input.value === filled[key])) {
    typeInto(input, value);
    filled[key] = value;
  }
}

function offered(formElement, key, value) {
  const form = formBehind(formElement);
  const found = form ? shownField(form, key) : null;
  return Boolean(found) && (found.field.values || []).some((option) => option.value === value);
}

async function lookUp(formElement, customerId) {
  const response = await fetch(`/api/customers/${encodeURIComponent(customerId)}`, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Accept-Language': 'zh-CN', 'X-Requested-With': 'XMLHttpRequest' }
  });
  if (formElement.dataset.cdCustomerAsked !== customerId) {
    return; // typed on meanwhile
  }
  if (response.status === 404) {
    showInfo(formElement, `未找到客户编号 ${customerId}：请核对，或留空按新客户受理`, 'unknown');
    return;
  }
  if (!response.ok) {
    showInfo(formElement, '', 'none');
    return;
  }
  const customer = await response.json();
  fill(formElement, 'customerName', customer.name);
  const type = COMPLAINANT_TYPES[customer.type];
  if (type && offered(formElement, 'complainantType', type)) {
    fill(formElement, 'complainantType', type);
  }
  if (!customer.contactMasked) {
    fill(formElement, 'contactPhone', customer.contactPhone);
  }
  showInfo(formElement, describe(customer), customer.blacklistedUntil ? 'blacklisted' : 'found');
}

const timers = new WeakMap();

/** A person typed into 客户编号 (any form that has it): look the customer up once they pause. */
function typed(event) {
  const input = event.target;
  if (!input || !input.id || !FIELD.test(input.id)) {
    return;
  }
  const formElement = input.closest(FORMS);
  if (!formElement) {
    return;
  }
  const value = String(input.value || '').trim();
  if (value === formElement.dataset.cdCustomerAsked) {
    return;
  }
  formElement.dataset.cdCustomerAsked = value;
  clearTimeout(timers.get(formElement));
  if (!ID.test(value)) {
    showInfo(formElement, '', 'none');
    return;
  }
  timers.set(formElement, setTimeout(() => lookUp(formElement, value)
    .catch((error) => console.warn('complaint desk: customer lookup', error)), 400));
}

function addStyle() {
  const style = document.createElement('style');
  style.dataset.complaintDesk = 'customer-lookup';
  style.textContent = `
.${INFO} { margin: -4px 0 10px; padding: 6px 10px; border-radius: 3px; font-size: 13px;
  background: #eef5fb; border-left: 3px solid #4a90d9; color: #244; }
.${INFO}[data-state="blacklisted"] { background: #fbeeee; border-left-color: #d9534f; color: #7a1f1f; }
.${INFO}[data-state="unknown"] { background: #fcf8e3; border-left-color: #f0ad4e; color: #6b4e0e; }
`;
  document.head.appendChild(style);
}

if (typeof document !== 'undefined' && document.body) {
  addStyle();
  document.addEventListener('input', typed, true);
}
