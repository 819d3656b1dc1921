// Fields whose errors are the API's own: each problem error lands at the field it names.
import { h } from './dom.js';

/**
 * A label, the input, a hint and a place for the API's error, tied together for screen readers.
 * The input keeps an id it already has; otherwise it is named after the field.
 */
export function field(name, label, input, hint, extraClass) {
  const id = input.id || `field-${name.replace(/\./g, '-')}`;
  input.id = id;
  input.name = name;
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  input.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  return h('div', { class: extraClass ? `field ${extraClass}` : 'field', 'data-field': name },
    h('label', { for: id }, label), input,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errorId }));
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((p) => { p.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
}

/**
 * Puts each of the problem's errors at the visible field it names: {@code import.maxPages} (a
 * schedule's import) and {@code filters.genres[0]} find maxPages and the genres. Returns the
 * errors no visible field took, and the first input marked invalid.
 */
export function placeErrors(form, errors) {
  const unplaced = [];
  let first = null;
  for (const error of errors) {
    const name = error.field.replace(/^import\./, '').replace(/\[\d+\]$/, '');
    const container = [...form.querySelectorAll(`[data-field="${CSS.escape(name)}"]`)]
      .find((element) => !element.closest('[hidden]'));
    if (!container) {
      unplaced.push(error);
      continue;
    }
    const message = container.querySelector('.field-error');
    message.textContent = message.textContent ? `${message.textContent}; ${error.message}` : error.message;
    const input = container.querySelector('input, select');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      first ??= input;
    }
  }
  return { unplaced, first };
}
