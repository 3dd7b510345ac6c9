/*
 * Tasklist custom script (listed in customScripts of ../config.js): no Complete (完成) or Start
 * (启动) kept disabled by an error nobody can see.
 *
 * The trap (Camunda 7.24 Tasklist with form-js 1.x): Tasklist disables Complete while form-js's
 * state holds any error ("changed" event, Object.keys(errors).length). Pressing Complete validates
 * every visible field and stores their errors; a change of one field re-validates that field only.
 * When an answer then hides a field that had an error (核实: "投诉不成立" with the reasoned answer
 * empty, Complete, then "投诉成立"), its error stays in the state although the field is gone:
 * Complete stays disabled and no message says why. The same holds for every field a form hides by
 * a condition.
 *
 * The fix: after each change, once form-js has rendered it, the errors of fields that are no
 * longer shown (form-js keeps an instance only for the fields it renders, and validates only
 * those on submit) are dropped from its state. Tasklist then sees the errors a person can see, and
 * Complete is enabled again; pressing it still validates every visible field and shows what is
 * missing under the field.
 */

import { formBehind, shownFieldIds } from './form-access.js';

const FORMS = 'form.fjs-form';
const watched = new WeakSet();

/** The errors of fields form-js renders now (keyed by field id), without those of hidden fields. */
export function visibleErrors(errors, shownIds) {
  const shown = new Set(shownIds);
  const kept = {};
  let dropped = false;
  Object.keys(errors || {}).forEach((id) => {
    if (shown.has(id)) {
      kept[id] = errors[id];
    } else {
      dropped = true;
    }
  });
  return dropped ? kept : null;
}

function prune(form) {
  try {
    const { errors } = form._getState();
    const kept = visibleErrors(errors, shownFieldIds(form));
    if (kept) {
      form._setState({ errors: kept }); // emits "changed": Tasklist enables Complete again
    }
  } catch (error) {
    console.warn('complaint desk: cannot check the errors of hidden fields', error);
  }
}

function watch(element) {
  const form = formBehind(element);
  if (!form || watched.has(form)) {
    return;
  }
  watched.add(form);
  let pending = false;
  form.on('changed', () => {
    if (pending) {
      return;
    }
    pending = true;
    // after Preact has rendered the change: a field hidden by it has given up its instance by then
    setTimeout(() => {
      pending = false;
      prune(form);
    }, 0);
  });
}

function look() {
  document.querySelectorAll(FORMS).forEach(watch);
}

if (typeof document !== 'undefined' && document.body) {
  look();
  new MutationObserver(look).observe(document.body, { childList: true, subtree: true });
}
