// A scenario named for the first time takes an id made from its name (renameScenario), and
// undo or redo of that rename gives it back its old id. What the view and the panels hold by
// id (the selected scenario, the compared ones, the Gap tab's pair) follows it by its place.
import type { MizanDoc } from '../../../engine/format';
import type { ViewState } from './document';

const idsOf = (doc: MizanDoc) => doc.scenarios.map((s) => s.id);

/**
 * Where scenario `id` of the list `before` is in the list `after`: the same id when it is still
 * there; else, when both lists are as long (its id changed: a rename, an undo or a redo), the
 * id at its place; else null (it was deleted).
 */
export function followedId(id: string, before: readonly string[], after: readonly string[]): string | null {
  if (after.includes(id)) return id;
  const at = before.indexOf(id);
  return at !== -1 && before.length === after.length ? after[at] : null;
}

/** The view with its scenarios followed from document `before` to `after` (the same object when none moved). */
export function followScenarios(view: ViewState, before: MizanDoc | null, after: MizanDoc | null): ViewState {
  if (!before || !after) return view;
  const from = idsOf(before);
  const to = idsOf(after);
  const follow = (id: string) => followedId(id, from, to);
  const scenarioId = view.scenarioId === null ? null : (follow(view.scenarioId) ?? view.scenarioId);
  const compared = view.compared?.map((id) => follow(id) ?? id) ?? null;
  const same =
    scenarioId === view.scenarioId && (compared === null || compared.every((id, i) => id === view.compared![i]));
  return same ? view : { ...view, scenarioId, compared };
}
