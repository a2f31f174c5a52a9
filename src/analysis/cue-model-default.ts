import stored from './lexicons/cue-model.json' with { type: 'json' };
import { loadCueModel, type CueModel, type StoredCueModel } from './cue-model.ts';

let model: CueModel | null = null;

/** The shipped cue model (`lexicons/cue-model.json`), read on first use. */
export function defaultCueModel(): CueModel {
  model ??= loadCueModel(stored as StoredCueModel);
  return model;
}
