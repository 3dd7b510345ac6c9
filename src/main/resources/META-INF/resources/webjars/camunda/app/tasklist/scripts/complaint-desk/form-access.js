/*
 * Shared by the Tasklist custom scripts of the complaint desk (imported, not listed in
 * customScripts): the form-js Form behind a form Tasklist renders, and its fields by key.
 *
 * form-js does not hand its Form instance to custom scripts: it is found through the form's
 * service context, which form-js's viewer provides to its Preact tree (props.value.getService).
 */

/** The form-js Form behind a rendered form element, or null. */
export function formBehind(element) {
  for (let node = element; node; node = node.parentElement) {
    const root = node.__k; // where Preact keeps the tree it rendered into a container
    if (root) {
      const form = serviceIn(root, 0);
      if (form) {
        return form;
      }
    }
  }
  return null;
}

function serviceIn(vnode, depth) {
  if (!vnode || depth > 40) {
    return null;
  }
  const value = vnode.props && vnode.props.value;
  if (value && typeof value.getService === 'function') {
    try {
      return value.getService('form', false) || null;
    } catch (error) {
      return null;
    }
  }
  const children = Array.isArray(vnode.__k) ? vnode.__k : [];
  for (const child of children) {
    const found = serviceIn(child, depth + 1);
    if (found) {
      return found;
    }
  }
  return null;
}

/** The ids of the fields form-js renders now (hidden fields have no instance). */
export function shownFieldIds(form) {
  return form.get('formFieldInstanceRegistry').getAllKeyed().map((instance) => instance.id);
}

/** The shown field with that key: {instance, field}, or null. */
export function shownField(form, key) {
  const registry = form.get('formFieldRegistry');
  const instance = form.get('formFieldInstanceRegistry')
    .getAllKeyed()
    .find((candidate) => {
      const field = registry.get(candidate.id);
      return field && field.key === key;
    });
  return instance ? { instance, field: registry.get(instance.id) } : null;
}

/** Sets a field's value as if typed: form-js validates it and renders it. */
export function setValue(form, key, value) {
  const found = shownField(form, key);
  if (!found) {
    return false;
  }
  form._update({ fieldInstance: found.instance, value });
  return true;
}

/** The current value of a field. */
export function valueOf(form, key) {
  const data = form._getState().data || {};
  return data[key];
}
