/*
 * Tasklist custom script (listed in customScripts of ../config.js): toasts that inform without
 * getting in the way.
 *
 * - Tasklist's error notifications stayed until closed (20 s and more) at the bottom right, over
 *   the form's 保存 and 完成 buttons. Every notification now goes away after at most
 *   MAX_DURATION_MS (8 s), and the panel sits at the bottom left, over the filter column, clear
 *   of the form's buttons (../../styles/user-styles.css).
 * - No notification names a task, process or other id: the ids (UUIDs) the engine writes into its
 *   messages are taken out before Tasklist shows them (the engine REST answers of the desk carry
 *   none: system/EngineRestRefusals; form-messages.js also cleans what is already shown).
 *
 * Done in Tasklist's notification service itself (camunda-commons-ui "Notifications"), which every
 * toast goes through.
 */

export const MAX_DURATION_MS = 8000;

const UUID = /\s*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/** A notification as the desk shows it: no ids, at most MAX_DURATION_MS on screen. */
export function tidy(notification) {
  const tidied = notification;
  ['status', 'message'].forEach((key) => {
    if (typeof tidied[key] === 'string') {
      tidied[key] = tidied[key].replace(UUID, '').replace(/\s+([.,:;，。：；])/g, '$1');
    }
  });
  if (!tidied.duration || tidied.duration > MAX_DURATION_MS) {
    tidied.duration = MAX_DURATION_MS;
  }
  return tidied;
}

function decorate() {
  let injector = null;
  try {
    injector = window.angular && window.angular.element(document.body).injector();
  } catch (error) {
    injector = null;
  }
  if (!injector || !injector.has('Notifications')) {
    return false;
  }
  const notifications = injector.get('Notifications');
  if (!notifications.cdTidy) {
    const add = notifications.add;
    notifications.add = function addTidy(notification) {
      return add.call(this, tidy(notification));
    };
    notifications.cdTidy = true;
  }
  return true;
}

if (typeof document !== 'undefined' && document.body && !decorate()) {
  const observer = new MutationObserver(() => {
    if (decorate()) {
      observer.disconnect();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
}
