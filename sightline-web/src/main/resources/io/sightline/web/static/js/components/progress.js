// Progress bars and per-step state, shared by the upload list, the video cards and the player.

import { h, replace } from '../dom.js';
import { words } from '../format.js';

export function progressBar(label) {
  const fill = h('div', { class: 'bar-fill' });
  const bar = h('div', { class: 'bar', role: 'progressbar', 'aria-label': label, 'aria-valuemin': '0', 'aria-valuemax': '100' }, fill);
  return {
    el: bar,
    set(percent, state = 'in_progress') {
      const value = Math.max(0, Math.min(100, Math.round(percent)));
      fill.style.width = value + '%';
      bar.setAttribute('aria-valuenow', String(value));
      bar.dataset.state = state;
    },
  };
}

const STEP_MARK = { completed: '✓', failed: '✕', in_progress: '', pending: '' };

/** Fills `list` (an <ol>) with one item per processing step: its name, state and percentage. */
export function renderSteps(list, steps) {
  replace(list, steps.map((step) => h('li', {
    class: `step step-${step.state}`,
    dataset: { step: step.name, state: step.state },
    title: step.error ?? `${words(step.name)}: ${words(step.state)}`,
  },
  h('span', { class: 'step-name' }, words(step.name)),
  h('span', { class: 'step-value' }, step.state === 'in_progress' ? `${step.percentage}%` : STEP_MARK[step.state] ?? ''))));
}

/** "Processing 40% — transcode" style summary of a ProcessingStatus. */
export function statusSummary(status) {
  if (status.state === 'completed') return 'Processed';
  if (status.state === 'failed') return 'Failed' + (status.error ? `: ${status.error}` : '');
  if (status.state === 'pending') return 'Waiting to be processed';
  const running = status.steps.find((step) => step.state === 'in_progress');
  return `Processing ${status.percentage}%` + (running ? ` — ${words(running.name)}` : '');
}
